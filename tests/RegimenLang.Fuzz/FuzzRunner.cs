using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RegimenLang.Fuzz;

/// <summary>
/// The fuzzing loop. Input number <c>i</c> of a run is made from the seed and <c>i</c> alone (its own
/// <see cref="Random"/>), so any input is reproduced with <c>--seed S --iteration i</c>, and a run that
/// must restart after a hang goes on with the same inputs. The work runs on one worker thread (with the
/// stack size asked for); the main thread is the watchdog: an input that runs longer than
/// <see cref="HangLimit"/> is reported as a hang, its thread is abandoned and a new one goes on with the
/// next input, so the run always ends.
/// </summary>
public sealed class FuzzRunner(FuzzOptions options)
{
    /// <summary>An input under this size that takes longer than <see cref="SlowLimit"/> (twice) is slow.</summary>
    public const int SlowMaxBytes = 64 * 1024;
    public const double SlowMilliseconds = 100;

    /// <summary>
    /// The pipeline reads a file about fifteen times over (check alone and with the patient, fix, fmt twice, the tree
    /// and diagnostics in every format): at about 7 ms per KB of dense text (500 administration lines, 21 KB, take
    /// 150 ms), a large but ordinary file is over 100 ms. Past 5 KB the limit grows by this much per KB, about three
    /// times that linear cost, so that what is reported is time that explodes, not time that grows with the file.
    /// </summary>
    public const double SlowMillisecondsPerKib = 20;

    /// <summary>The time an input of this size may take: <see cref="SlowMilliseconds"/>, or more for a large one (<see cref="SlowMillisecondsPerKib"/>).</summary>
    public static double SlowLimit(FuzzCase input) => Math.Max(SlowMilliseconds, SlowMillisecondsPerKib * input.TotalBytes / 1024.0);

    /// <summary>
    /// Writing a timeline in its seven formats takes about 0.1 ms per administration (an 18-month plan of 2,400 takes
    /// 250 ms): that time is allowed up to this much per entry and not counted; beyond it (a writer that grows faster
    /// than its output) it counts.
    /// </summary>
    public const double TimelineMillisecondsPerEntry = 0.25;

    /// <summary>How long a small input may run before the watchdog calls it a hang.</summary>
    public const int HangSeconds = 10;

    /// <summary>
    /// A large input is not a small one that hangs: the pipeline reads a 3.5 MB file (500 plan lines of 1,000 cycles)
    /// in 10 s of CPU, about 3 s per MB, so the watchdog allows this much more per MB over <see cref="HangSeconds"/>.
    /// </summary>
    public const int HangSecondsPerMegabyte = 6;

    /// <summary>How long an input may run before it is a hang.</summary>
    public static TimeSpan HangLimit(FuzzCase input) => TimeSpan.FromSeconds(HangSeconds + HangSecondsPerMegabyte * (input.TotalBytes / (1024.0 * 1024)));

    /// <summary>An input under <see cref="SlowMaxBytes"/> that makes its thread allocate more than this is a memory finding (a blow-up, not a large output).</summary>
    public const long MemoryLimitBytes = 1L << 30;

    /// <summary>
    /// Writing a timeline in its seven formats allocates about 30 KiB per administration (a plan of 35,000 within
    /// the plan-size bound allocates 1 GiB for 50 MB of text): allowed up to this much per entry, like the time.
    /// </summary>
    public const long TimelineBytesPerEntry = 64 * 1024;

    /// <summary>After this many hangs the run stops (each abandoned thread may still hold a core).</summary>
    private const int MaxHangs = 3;

    private static readonly TimeSpan MinimizeBudget = TimeSpan.FromSeconds(20);

    private readonly object _gate = new();
    private readonly Dictionary<InputKind, long> _inputs = Enum.GetValues<InputKind>().ToDictionary(k => k, _ => 0L);
    private readonly Dictionary<string, (int Distinct, long Inputs)> _byClass = FindingClass.All.ToDictionary(c => c, _ => (0, 0L), StringComparer.Ordinal);
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = new();
    private Seeds _seeds = null!;
    private Mutator _regimenMutator = null!;
    private Mutator _yamlMutator = null!;
    private string _out = "";
    private int _generation;
    private volatile bool _stop;
    private volatile Running? _running;
    private double _slowest;
    private string _slowestInput = "";
    private long _mostAllocated;
    private string _mostAllocatedInput = "";

    /// <summary>What the worker is running now (for the watchdog): since when, by the clock and by the process's CPU time.</summary>
    private sealed record Running(FuzzCase Case, long Iteration, long StartedAt, TimeSpan StartedCpu, int Generation)
    {
        /// <summary>
        /// Over its limit in CPU time (the worker's work is nearly all the process's: a busy machine does not make a
        /// hang), or stalled for ten times its limit by the clock (a wait that never ends uses no CPU). Once a worker has
        /// been abandoned it may still be spinning, and the process's CPU time is no longer the worker's: then the clock
        /// alone decides, at three times the limit.
        /// </summary>
        public bool Hung(bool abandoned) => abandoned
            ? Stopwatch.GetElapsedTime(StartedAt) > 3 * HangLimit(Case)
            : Environment.CpuUsage.TotalTime - StartedCpu > HangLimit(Case) || Stopwatch.GetElapsedTime(StartedAt) > 10 * HangLimit(Case);
    }

    public int Run()
    {
        _seeds = Seeds.Load(Seeds.FindRoot(Directory.GetCurrentDirectory() is var cwd && File.Exists(Path.Combine(cwd, "RegimenLang.sln")) ? cwd : AppContext.BaseDirectory));
        _regimenMutator = new Mutator(_seeds.RegimenLines);
        _yamlMutator = new Mutator(_seeds.YamlLines);
        _out = Path.GetFullPath(options.Out ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"regimen-fuzz-{options.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmss}")));
        Directory.CreateDirectory(_out);
        FuzzPipeline.Clock = ThreadClock.Now;
        if (options.Profile)
        {
            FuzzPipeline.StageTimes = [];
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzzing for {options.Seconds} s, seed {options.Seed}, stack {(options.StackKib is { } k ? $"{k} KiB" : "default")}; " +
            $"seeds: {_seeds.Regimens.Count} regimens, {_seeds.Patients.Count} patient files, {_seeds.Formularies.Count} formularies, {_seeds.Configs.Count} configurations; findings to {_out}"));

        StartWorker(options.Iteration ?? 0, warmUp: true);
        // The deadline counts from the end of the warm-up (JIT and first-use caches), which the worker reports by starting the clock.
        while (!_clock.IsRunning && !WorkerDone)
        {
            Thread.Sleep(20);
        }
        int hangs = 0;
        while (!WorkerDone)
        {
            Thread.Sleep(50);
            if (!_stop && _clock.Elapsed.TotalSeconds >= options.Seconds)
            {
                _stop = true;
            }
            // After the deadline the worker ends its input (and the minimising of a finding): then it is abandoned.
            var grace = MinimizeBudget + (_running is { } current ? HangLimit(current.Case) : TimeSpan.FromSeconds(HangSeconds)) + TimeSpan.FromSeconds(10);
            if (_stop && _clock.Elapsed.TotalSeconds >= options.Seconds + grace.TotalSeconds)
            {
                Console.WriteLine("the worker did not stop after the deadline; abandoning it");
                break;
            }
            if (_running is { } running && running.Hung(abandoned: hangs > 0))
            {
                hangs++;
                lock (_gate)
                {
                    _generation++; // the abandoned worker may finish later: it must not count, save or report anything any more
                    _running = null;
                }
                var finding = new FuzzFinding(FindingClass.Hang, "pipeline", string.Create(CultureInfo.InvariantCulture,
                    $"input {running.Iteration} ({running.Case.TotalBytes:#,0} bytes) ran longer than {HangLimit(running.Case).TotalSeconds:0} s"), "hang");
                Record(finding, running.Case, running.Iteration, minimize: false);
                if (hangs >= MaxHangs || _stop)
                {
                    Console.WriteLine($"stopping after {hangs} hang(s)");
                    _stop = true;
                    break;
                }
                StartWorker(running.Iteration + 1, warmUp: false);
            }
        }
        _clock.Stop();
        File.Delete(Path.Combine(_out, "in-progress.txt"));
        return Summary();
    }

    private Thread? _worker;
    private bool WorkerDone => _worker is { IsAlive: false };

    private void StartWorker(long from, bool warmUp)
    {
        int generation;
        lock (_gate)
        {
            generation = _generation;
        }
        int stack = options.StackKib is { } kib ? kib * 1024 : 0;
        _worker = new Thread(() => Work(from, warmUp, generation), stack) { IsBackground = true, Name = "fuzz worker" };
        _worker.Start();
    }

    private bool Current(int generation)
    {
        lock (_gate)
        {
            return generation == _generation;
        }
    }

    private void Work(long from, bool warmUp, int generation)
    {
        if (warmUp)
        {
            foreach (var seed in _seeds.Regimens)
            {
                _ = FuzzPipeline.Run(new FuzzCase(InputKind.Regimen, seed.Text, seed.Patient));
            }
            foreach (var formulary in _seeds.Formularies.Take(3))
            {
                _ = FuzzPipeline.Run(new FuzzCase(InputKind.Formulary, FuzzFixtures.DefaultRegimen, FuzzFixtures.DefaultPatient, formulary.Text));
            }
            _clock.Start();
        }
        for (long i = from; !_stop && Current(generation); i++)
        {
            var input = MakeCase(i);
            File.WriteAllText(Path.Combine(_out, "in-progress.txt"), string.Create(CultureInfo.InvariantCulture,
                $"seed {options.Seed} iteration {i}\nreproduce: RegimenLang.Fuzz --seed {options.Seed} --iteration {i}\n"));
            var (findings, elapsed, allocated) = Timed(input, i, generation);
            if (!Current(generation))
            {
                return;
            }
            lock (_gate)
            {
                _inputs[input.Kind]++;
                if (elapsed > _slowest)
                {
                    _slowest = elapsed;
                    _slowestInput = string.Create(CultureInfo.InvariantCulture, $"iteration {i} ({input.Kind.ToString().ToLowerInvariant()}, {input.MutatedBytes:#,0} bytes)");
                }
            }
            var all = findings.ToList();
            if (elapsed > SlowLimit(input) && input.MutatedBytes < SlowMaxBytes && IsSlow(input, i, generation) is { } again)
            {
                all.Add(new FuzzFinding(FindingClass.Slow, "pipeline",
                    string.Create(CultureInfo.InvariantCulture, $"{input.TotalBytes:#,0} bytes took {elapsed:0} ms, then {again:0} ms of CPU (limit {SlowLimit(input):0} ms; timeline writing not counted up to {TimelineMillisecondsPerEntry} ms per entry)"), "slow"));
            }
            if (allocated > MemoryLimitBytes && input.MutatedBytes < SlowMaxBytes)
            {
                all.Add(new FuzzFinding(FindingClass.Memory, "pipeline",
                    string.Create(CultureInfo.InvariantCulture, $"{input.TotalBytes:#,0} bytes made the pipeline allocate {allocated / (1024.0 * 1024):#,0} MiB (limit {MemoryLimitBytes >> 20:#,0} MiB)"), "memory"));
            }
            foreach (var finding in all)
            {
                Record(finding, input, i, minimize: true, generation);
            }
            if (options.Iteration is not null)
            {
                break;
            }
        }
        if (Current(generation))
        {
            _stop = true;
        }
    }

    /// <summary>The time again (ms) when the input is slow a second time; null when the first time was noise.</summary>
    private double? IsSlow(FuzzCase input, long iteration, int generation)
    {
        var (_, again, _) = Timed(input, iteration, generation);
        return again > SlowLimit(input) ? again : null;
    }

    /// <summary>
    /// Runs the pipeline under the watchdog. The time is the CPU time of the worker thread (<see cref="ThreadClock"/>: a
    /// busy machine does not make an input slow), less the allowance for writing timelines (<see cref="TimelineMillisecondsPerEntry"/>).
    /// </summary>
    private (IReadOnlyList<FuzzFinding> Findings, double Milliseconds, long Allocated) Timed(FuzzCase input, long iteration, int generation)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        SetRunning(new Running(input, iteration, Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, generation), generation);
        var (result, milliseconds) = Measure(input);
        SetRunning(null, generation);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - allocated - Math.Min(result.TimelineAllocated, result.TimelineEntries * TimelineBytesPerEntry);
        lock (_gate)
        {
            if (bytes > _mostAllocated)
            {
                _mostAllocated = bytes;
                _mostAllocatedInput = string.Create(CultureInfo.InvariantCulture, $"iteration {iteration} ({input.Kind.ToString().ToLowerInvariant()}, {input.MutatedBytes:#,0} bytes)");
            }
        }
        return (result.Findings, milliseconds, bytes);
    }

    /// <summary>Tells the watchdog what runs now; an abandoned worker no longer can.</summary>
    private void SetRunning(Running? running, int generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _running = running;
            }
        }
    }

    /// <summary>One run of the pipeline and its time as the slow check counts it.</summary>
    private static (FuzzResult Result, double Milliseconds) Measure(FuzzCase input)
    {
        var started = ThreadClock.Now();
        var result = FuzzPipeline.Run(input);
        double used = (ThreadClock.Now() - started).TotalMilliseconds;
        double allowed = Math.Min(result.TimelineTime.TotalMilliseconds, result.TimelineEntries * TimelineMillisecondsPerEntry);
        return (result, used - allowed);
    }

    /// <summary>Input <paramref name="iteration"/> of the run: which file is damaged, from which seed, how.</summary>
    public FuzzCase MakeCase(long iteration)
    {
        var random = new Random(Mix(options.Seed, iteration));
        var seed = _seeds.Regimens[random.Next(_seeds.Regimens.Count)];
        int kind = random.Next(100);
        if (kind < 70)
        {
            var input = new FuzzCase(InputKind.Regimen, _regimenMutator.Mutate(seed.Text, random, TextKind.Regimen), seed.Patient);
            return random.Next(20) == 0 ? DamageBytes(input, random) : input;
        }
        if (kind < 82)
        {
            string patient = random.Next(2) == 0 ? seed.Patient : _seeds.Patients[random.Next(_seeds.Patients.Count)].Text;
            return new FuzzCase(InputKind.Patient, seed.Text, _yamlMutator.Mutate(patient, random, TextKind.Yaml));
        }
        if (kind < 94)
        {
            // The whole formulary now and then; mostly a slice of a few entries, where damage is dense.
            var formulary = random.Next(10) == 0 ? _seeds.Formularies[0] : _seeds.Formularies[random.Next(_seeds.Formularies.Count)];
            return new FuzzCase(InputKind.Formulary, seed.Text, seed.Patient, _yamlMutator.Mutate(formulary.Text, random, TextKind.Yaml));
        }
        var config = _seeds.Configs[random.Next(_seeds.Configs.Count)];
        string? withFormulary = random.Next(2) == 0 ? _seeds.Formularies[1 + random.Next(_seeds.Formularies.Count - 1)].Text : null;
        return new FuzzCase(InputKind.Config, seed.Text, seed.Patient, withFormulary, _yamlMutator.Mutate(config.Text, random, TextKind.Yaml));
    }

    /// <summary>Damage below the text: bytes that are not UTF-8, byte order marks, a sequence cut short.</summary>
    private static FuzzCase DamageBytes(FuzzCase input, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(input.Regimen).ToList();
        int at = random.Next(bytes.Count + 1);
        byte[][] odd = [[0x80], [0xC0], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80]];
        if (random.Next(3) == 0 && bytes.Count > 0)
        {
            bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
        }
        else
        {
            bytes.InsertRange(at, odd[random.Next(odd.Length)]);
        }
        byte[] damaged = [.. bytes];
        return input with { Regimen = Encoding.UTF8.GetString(damaged), RegimenBytes = damaged };
    }

    private static int Mix(int seed, long iteration)
    {
        // SplitMix64 of the pair: nearby iterations get unrelated generators.
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)iteration) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(uint)(z ^ (z >> 31)) & int.MaxValue;
    }

    /// <summary>Counts a finding; the first of its signature is minimised and saved.</summary>
    private void Record(FuzzFinding finding, FuzzCase input, long iteration, bool minimize, int? generation = null)
    {
        string name;
        lock (_gate)
        {
            if (generation is { } g && g != _generation)
            {
                return;
            }
            var (distinct, inputs) = _byClass[finding.Class];
            bool first = _signatures.Add(finding.Signature);
            _byClass[finding.Class] = (distinct + (first ? 1 : 0), inputs + 1);
            if (!first)
            {
                return;
            }
            if (_signatures.Count >= options.MaxFindings)
            {
                _stop = true;
            }
            name = string.Create(CultureInfo.InvariantCulture, $"{_signatures.Count:000}-{finding.Class}");
        }
        // Saved as found first (a hang while minimising must not lose it), then replaced by the minimal input.
        FuzzFixtures.Save(_out, name, input);
        var minimal = input;
        if (minimize && input.RegimenBytes is null)
        {
            string text = Minimizer.Minimize(input.Mutated, candidate => StillFails(finding, input.WithMutated(candidate), iteration, generation ?? 0), MinimizeBudget);
            minimal = input.WithMutated(text);
            foreach (var file in Directory.EnumerateFiles(_out, name + ".*"))
            {
                File.Delete(file);
            }
            FuzzFixtures.Save(_out, name, minimal);
        }
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"class: {finding.Class}")
            .AppendLine(CultureInfo.InvariantCulture, $"stage: {finding.Stage}")
            .AppendLine(CultureInfo.InvariantCulture, $"signature: {finding.Signature}")
            .AppendLine(CultureInfo.InvariantCulture, $"message: {finding.Message}")
            .AppendLine(CultureInfo.InvariantCulture, $"damaged: {input.Kind.ToString().ToLowerInvariant()} ({Mutator.Describe(input.Mutated)}; minimised to {Mutator.Describe(minimal.Mutated)})")
            .AppendLine(CultureInfo.InvariantCulture, $"reproduce: RegimenLang.Fuzz --seed {options.Seed} --iteration {iteration}  |  RegimenLang.Fuzz --replay <folder with these files>");
        if (finding.Detail is { } detail)
        {
            report.AppendLine().AppendLine(detail);
        }
        File.WriteAllText(Path.Combine(_out, name + ".txt"), report.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {finding.Class} at {finding.Stage} (input {iteration}, {input.Kind.ToString().ToLowerInvariant()}): {Shorten(finding.Message)} -> {Path.Combine(_out, name)}.*"));
    }

    private bool StillFails(FuzzFinding finding, FuzzCase candidate, long iteration, int generation)
    {
        if (finding.Class == FindingClass.Slow)
        {
            if (candidate.MutatedBytes >= SlowMaxBytes)
            {
                return false;
            }
            var (_, first, _) = Timed(candidate, iteration, generation);
            return first > SlowLimit(candidate) && IsSlow(candidate, iteration, generation) is not null;
        }
        var (findings, _, allocated) = Timed(candidate, iteration, generation);
        if (finding.Class == FindingClass.Memory)
        {
            return candidate.MutatedBytes < SlowMaxBytes && allocated > MemoryLimitBytes;
        }
        return findings.Any(f => f.Signature == finding.Signature);
    }

    private static string Shorten(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private int Summary()
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        long total = _inputs.Values.Sum();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"---- fuzz summary (seed {options.Seed}, stack {(options.StackKib is { } k ? $"{k} KiB" : "default")}) ----");
        text.AppendLine(CultureInfo.InvariantCulture, $"ran for {seconds:0.0} s: {total:#,0} inputs ({string.Join(", ", _inputs.Select(kv => $"{kv.Key.ToString().ToLowerInvariant()} {kv.Value:#,0}"))}), {total / seconds:#,0.0} inputs/s");
        text.AppendLine(CultureInfo.InvariantCulture, $"slowest input: {_slowest:0.0} ms, {_slowestInput}; most allocated by one input: {_mostAllocated / (1024.0 * 1024):#,0.0} MiB, {_mostAllocatedInput}");
        int distinct = _byClass.Values.Sum(v => v.Distinct);
        text.AppendLine(distinct == 0
            ? "findings: none"
            : "findings: " + string.Join(", ", _byClass.Where(kv => kv.Value.Distinct > 0)
                .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value.Distinct} (in {kv.Value.Inputs:#,0} inputs)"))) + $"; saved in {_out}");
        if (FuzzPipeline.StageTimes is { } times)
        {
            // Nested stages (a write inside a check) are counted in both.
            foreach (var (stage, (time, count)) in times.OrderByDescending(kv => kv.Value.Time))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {stage,-28} {time.TotalSeconds,8:0.00} s  {count,9:#,0} runs  {time.TotalMilliseconds / Math.Max(1, count),8:0.000} ms each");
            }
        }
        Console.Write(text.ToString());
        // Timing on a shared CI machine is not a verdict (the project measures speed in benchmarks and long runs, never in a
        // timed test): with --slow-reported-only, slow inputs are reported and saved but do not fail the run.
        int failing = options.SlowReportedOnly ? _byClass.Where(kv => kv.Key != FindingClass.Slow).Sum(kv => kv.Value.Distinct) : distinct;
        return failing == 0 ? 0 : 1;
    }

    /// <summary>Runs of each reproducer before the one that is timed: the first pays for the JIT, the next ones for tiering up.</summary>
    private static int WarmRuns => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_WARM_RUNS"), CultureInfo.InvariantCulture, out int n) ? n : 3;

    /// <summary>
    /// Runs the reproducers of a folder (on a thread of the stack size asked for) and prints what each still finds,
    /// timed after a few warm-up runs; 1 when any finds something or is slow.
    /// </summary>
    public int Replay(string folder)
    {
        FuzzPipeline.Clock = ThreadClock.Now;
        int failing = 0;
        var thread = new Thread(() =>
        {
            foreach (var (name, input) in FuzzFixtures.Load(folder))
            {
                for (int warm = 0; warm < WarmRuns; warm++)
                {
                    _ = FuzzPipeline.Run(input);
                }
                FuzzPipeline.StageTimes = options.Profile ? [] : null;
                var (result, elapsed) = Measure(input);
                var problems = result.Findings.Select(f => $"{f.Class} at {f.Stage}: {Shorten(f.Message)}").ToList();
                if (elapsed > SlowLimit(input))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{FindingClass.Slow}: {elapsed:0} ms (limit {SlowLimit(input):0} ms)"));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {(problems.Count == 0 ? "ok" : string.Join("; ", problems))} ({elapsed:0} ms)"));
                foreach (var f in result.Findings.Where(f => f.Detail is not null))
                {
                    Console.WriteLine(f.Detail);
                }
                failing += problems.Count > 0 ? 1 : 0;
                foreach (var (stage, (time, _)) in (FuzzPipeline.StageTimes ?? []).Where(kv => kv.Value.Time.TotalMilliseconds >= 1).OrderByDescending(kv => kv.Value.Time))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-28} {time.TotalMilliseconds,8:0.0} ms"));
                }
            }
        }, options.StackKib is { } kib ? kib * 1024 : 0);
        thread.Start();
        thread.Join();
        return failing == 0 ? 0 : 1;
    }
}
