using System.Diagnostics;
using System.Globalization;
using System.Text;
using RegimenLang.Cli;

namespace RegimenLang.Benchmarks.Large;

/// <summary>One command's figures over several runs: medians of time, the largest memory seen.</summary>
/// <param name="Milliseconds">Median wall time.</param>
/// <param name="AllocatedBytes">GC allocated bytes of one run (in-process only; the median).</param>
/// <param name="PeakBytes">In-process: how far the managed heap rose during the run (sampled every millisecond); a process: its peak resident set.</param>
/// <param name="OutputBytes">What the command wrote to standard output and standard error.</param>
/// <param name="CpuMilliseconds">Median processor time (user and system, every thread): what the run costs when the machine is shared.</param>
public sealed record Figures(int Exit, double Milliseconds, double CpuMilliseconds, long AllocatedBytes, long PeakBytes, long OutputBytes, int Runs);

/// <summary>
/// Runs a <c>regimen</c> command line in this process (through <see cref="RegimenApp"/>, exactly as the CLI
/// does, with output counted instead of printed) or as a child process of the built binary.
/// </summary>
public static class Measure
{
    /// <summary>In-process: a warm-up run when asked (JIT, the built-in formulary), then <paramref name="runs"/> measured runs.</summary>
    public static Figures InProcess(string[] args, int runs, bool warmUp)
    {
        if (warmUp)
        {
            RunOnce(args);
        }
        var times = new List<double>();
        var cpus = new List<double>();
        var allocations = new List<long>();
        long peak = 0;
        var last = (Exit: 0, Output: 0L);
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var sampler = new HeapSampler();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = RunOnce(args);
            clock.Stop();
            cpus.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            times.Add(clock.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, sampler.Stop());
        }
        return new Figures(last.Exit, Median(times), Median(cpus), (long)Median(allocations.Select(a => (double)a).ToList()), peak, last.Output, runs);
    }

    private static (int Exit, long Output) RunOnce(string[] args)
    {
        using var output = new CountingWriter();
        using var error = new CountingWriter();
        int exit = RegimenApp.Run(args, output, error);
        return (exit, output.Bytes + error.Bytes);
    }

    /// <summary>
    /// A child process of <paramref name="binary"/>, <paramref name="runs"/> times (after, when asked, one unmeasured
    /// run that brings the binary and the files into the page cache). Peak resident set from <c>/usr/bin/time</c> when it is there,
    /// else from polling <see cref="Process.PeakWorkingSet64"/> while the process runs.
    /// </summary>
    public static Figures Process(string[] binary, string[] args, int runs, bool warmUp)
    {
        if (warmUp)
        {
            RunProcess(binary, args);
        }
        var times = new List<double>();
        var cpus = new List<double>();
        long peak = 0;
        var last = (Exit: 0, Output: 0L, Peak: 0L, Ms: 0.0, CpuMs: 0.0);
        for (int i = 0; i < runs; i++)
        {
            last = RunProcess(binary, args);
            times.Add(last.Ms);
            cpus.Add(last.CpuMs);
            peak = Math.Max(peak, last.Peak);
        }
        return new Figures(last.Exit, Median(times), Median(cpus), 0, peak, last.Output, runs);
    }

    private const string TimeTool = "/usr/bin/time";

    private static (int Exit, long Output, long Peak, double Ms, double CpuMs) RunProcess(string[] binary, string[] args)
    {
        bool timed = File.Exists(TimeTool);
        string timeFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(timed ? TimeTool : binary[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timed)
        {
            foreach (var a in new[] { "-f", "%M %U %S", "-o", timeFile })
            {
                start.ArgumentList.Add(a);
            }
            start.ArgumentList.Add(binary[0]);
        }
        foreach (var a in binary.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("cannot start " + binary[0]);
        var stdout = CountAsync(process.StandardOutput.BaseStream);
        var stderr = CountAsync(process.StandardError.BaseStream);
        long polled = 0;
        while (!process.WaitForExit(2))
        {
            if (!timed)
            {
                try
                {
                    process.Refresh();
                    polled = Math.Max(polled, process.PeakWorkingSet64);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the wait and the read.
                }
            }
        }
        long output = stdout.Result + stderr.Result;
        clock.Stop();
        long peak = polled;
        double cpu = 0; // unknown without /usr/bin/time: an exited process's times can no longer be read
        if (timed)
        {
            // The last line is "KB user-seconds system-seconds" (a line before it says when the command failed).
            var fields = File.ReadAllLines(timeFile).Last(l => l.Length > 0).Split(' ');
            peak = long.Parse(fields[0], CultureInfo.InvariantCulture) * 1024;
            cpu = (double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture)) * 1000;
        }
        File.Delete(timeFile);
        return (process.ExitCode, output, peak, clock.Elapsed.TotalMilliseconds, cpu);
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
        }
        return total;
    }

    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The value below which <paramref name="percent"/>% of the values lie (nearest rank).</summary>
    public static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>A writer that counts the UTF-8 bytes written and keeps none of them.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Bytes { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Bytes += value < 0x80 ? 1 : Encoding.UTF8.GetByteCount([value]);

        public override void Write(string? value) => Bytes += value is null ? 0 : Encoding.UTF8.GetByteCount(value);

        public override void Write(char[] buffer, int index, int count) => Bytes += Encoding.UTF8.GetByteCount(buffer, index, count);
    }

    /// <summary>
    /// How far the managed heap (<see cref="GC.GetTotalMemory"/>, live and not yet collected) rose above where it
    /// stood when the run began (after a full collection), at its highest: what the run itself needed, whatever
    /// an earlier run left in a heap the collector has not given back yet.
    /// </summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private readonly long _start;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _start = GC.GetTotalMemory(false);
            _peak = _start;
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    long now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, now);
                    }
                    Thread.Sleep(1);
                }
            })
            { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false)) - _start;
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }
    }
}
