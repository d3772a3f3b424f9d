using System.Diagnostics;
using System.Globalization;
using RegimenLang.Benchmarks.Large;
using RegimenLang.Workspace;

namespace RegimenLang.Benchmarks.EditLoop;

/// <summary>
/// <c>dotnet run -c Release --project bench/RegimenLang.Benchmarks -- edit-loop [--edits N] [--warmup N] [--file PATH]</c>:
/// what an editor does on every keystroke. The largest shipped regimen is held open in a
/// <see cref="RegimenWorkspace"/>; each edit changes one character (a digit typed into a dose and deleted again,
/// a letter typed into a comment and deleted, a line broken in two and joined again), is given to the
/// workspace as the next version, and the new diagnostics are taken from its compilation. Each edit is timed
/// from the text change to the diagnostics in hand; the figures are the median, p95, p99 and maximum after warm-up.
/// </summary>
public static class EditLoopRunner
{
    private sealed record Edit(string Kind, int Offset, string Inserted);

    public static int Run(string[] args)
    {
        int edits = Option(args, "--edits") ?? 2_000;
        int warmup = Option(args, "--warmup") ?? 300;
        string path = args.SkipWhile(a => a != "--file").Skip(1).FirstOrDefault()
            ?? Path.Combine(LargeRunner.RepoRoot(), "regimens", "06-mini-hcvd-ino-blina-rr.regimen");
        string original = File.ReadAllText(path);
        var script = Script(original);

        var workspace = new RegimenWorkspace(PhysicalFileSystem.Instance);
        int version = 1;
        var first = workspace.Update(path, original, version);
        Console.WriteLine($"// {Path.GetFileName(path)}: {original.Length:N0} characters, {original.Split('\n').Length:N0} lines, {first.Diagnostics.Count} findings when unedited");

        string text = original;
        var times = new List<double>();
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        List<double>[] stages = [[], [], [], []];
        long allocated = 0;
        int findings = 0;
        for (int i = 0; i < warmup + edits; i++)
        {
            var edit = script[i % script.Count];
            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            // Even steps type the character, odd steps delete it again: the text returns to the original every two edits.
            text = i % 2 == 0 ? text.Insert(edit.Offset, edit.Inserted) : text.Remove(edit.Offset, edit.Inserted.Length);
            var compilation = workspace.Update(path, text, ++version);
            // The compilation is lazy: touching its parts in order times each stage of the same single pass.
            var updated = clock.Elapsed;
            _ = compilation.Syntax;
            var parsed = clock.Elapsed;
            _ = compilation.Model;
            var bound = clock.Elapsed;
            findings = compilation.Diagnostics.Count;
            clock.Stop();
            if (i >= warmup)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                double ms = clock.Elapsed.TotalMilliseconds;
                times.Add(ms);
                stages[0].Add(updated.TotalMilliseconds);
                stages[1].Add((parsed - updated).TotalMilliseconds);
                stages[2].Add((bound - parsed).TotalMilliseconds);
                stages[3].Add((clock.Elapsed - bound).TotalMilliseconds);
                string kind = (i % 2 == 0 ? "type " : "delete ") + edit.Kind;
                if (!byKind.TryGetValue(kind, out var list))
                {
                    byKind[kind] = list = [];
                }
                list.Add(ms);
            }
        }
        if (text != original)
        {
            throw new InvalidOperationException("the edit script did not return to the original text");
        }

        var sorted = times.Order().ToList();
        Console.WriteLine($"// {edits:N0} edits after {warmup:N0} warm-up edits; load average {Load()}; last edit: {findings} findings");
        Console.WriteLine();
        Console.WriteLine("| edits | median (ms) | p95 (ms) | p99 (ms) | max (ms) | mean (ms) | allocated per edit |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {edits:N0} | {F(Measure.Median(times))} | {F(Measure.Percentile(sorted, 95))} | {F(Measure.Percentile(sorted, 99))} | {F(sorted[^1])} | {F(times.Average())} | {allocated / edits / 1024.0:N0} KB |");
        Console.WriteLine();
        Console.WriteLine("| stage of one edit | median (ms) | p95 (ms) |");
        Console.WriteLine("|---|---:|---:|");
        string[] names = ["new text, workspace update", "parse", "bind", "check rules, findings finished"];
        for (int s = 0; s < stages.Length; s++)
        {
            Console.WriteLine($"| {names[s]} | {F(Measure.Median(stages[s]))} | {F(Measure.Percentile([.. stages[s].Order()], 95))} |");
        }
        Console.WriteLine();
        Console.WriteLine("| edit | count | median (ms) | p95 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (kind, list) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {kind} | {list.Count:N0} | {F(Measure.Median(list))} | {F(Measure.Percentile([.. list.Order()], 95))} |");
        }
        return 0;
    }

    /// <summary>
    /// The edits, each applied then undone: a digit typed after the first digit of each dose, a letter typed
    /// into each comment, and a line break typed in the middle of each administration line.
    /// </summary>
    private static List<Edit> Script(string text)
    {
        var edits = new List<Edit>();
        int offset = 0;
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.TrimStart();
            int indent = line.Length - trimmed.Length;
            if (trimmed.StartsWith('#') && trimmed.Length > 2)
            {
                edits.Add(new Edit("comment letter", offset + indent + 2, "x"));
            }
            else if (trimmed.Length > 0 && char.IsAsciiLetterLower(trimmed[0]) && trimmed.IndexOf(" mg", StringComparison.Ordinal) is var unit and > 0
                && trimmed.LastIndexOf(' ', unit - 1) is var space and >= 0 && char.IsAsciiDigit(trimmed[space + 1]))
            {
                edits.Add(new Edit("dose digit", offset + indent + space + 2, "5"));
                edits.Add(new Edit("line break", offset + indent + trimmed.Length / 2, "\n"));
            }
            offset += line.Length + 1;
        }
        // Interleaved, the three kinds equally often (the shorter lists start again); each edit twice (typed, then deleted).
        var kinds = edits.GroupBy(e => e.Kind).Select(g => g.ToList()).ToList();
        var script = new List<Edit>();
        for (int i = 0; i < kinds.Max(k => k.Count); i++)
        {
            foreach (var kind in kinds)
            {
                script.Add(kind[i % kind.Count]);
                script.Add(kind[i % kind.Count]);
            }
        }
        return script;
    }

    private static string F(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    private static int? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
