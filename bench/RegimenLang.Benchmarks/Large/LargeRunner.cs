using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RegimenLang.Benchmarks.Large;

/// <summary>
/// <c>dotnet run -c Release --project bench/RegimenLang.Benchmarks -- large [options]</c>: generates the large
/// inputs (<see cref="LargeInputs"/>) into a temporary folder, runs every command on each of them in this
/// process and as a child process of the built <c>regimen</c> binary, and prints one Markdown table row per
/// command with wall time, processor time, memory and whether the targets are met:
/// under 64 KB in under 100 ms; 10 MB in under 2 s and under 1 GB (peak resident set and GC allocated).
/// Options: <c>--only TEXT</c> (cases whose shape contains TEXT), <c>--command LABEL</c> (only that command, e.g. "fmt --check"), <c>--runs N</c> (measured runs per command,
/// default 5 under 1 MB and 3 above), <c>--large-runs N</c> (runs for inputs of 1 MB and more), <c>--binary PATH</c> (default artifacts/aot/regimen, the Native AOT
/// binary, else the Release apphost), <c>--no-process</c>, <c>--keep DIR</c> (write the inputs there and keep them),
/// <c>--report FILE</c> (also write the table there).
/// </summary>
public static class LargeRunner
{
    private const double SmallTargetMs = 100;
    private const double LargeTargetMs = 2_000;
    private const long MemoryTarget = 1_000_000_000; // 1 GB, decimal like every figure in the table

    public static int Run(string[] args)
    {
        string? only = Option(args, "--only");
        string? onlyCommand = Option(args, "--command");
        int? runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : null;
        int largeRuns = Option(args, "--large-runs") is { } lr ? int.Parse(lr, CultureInfo.InvariantCulture) : runs ?? 3;
        bool processes = !args.Contains("--no-process");
        string root = RepoRoot();
        string[] binary = Binary(root, Option(args, "--binary"));
        string? keep = Option(args, "--keep");
        string folder = keep ?? Directory.CreateTempSubdirectory("regimen-large-").FullName;
        Directory.CreateDirectory(folder);
        try
        {
            var shipped = (Path.Combine(root, "regimens", "06-mini-hcvd-ino-blina-rr.regimen"), Path.Combine(root, "regimens", "06-mini-hcvd-ino-blina-rr.patient.yaml"));
            var cases = LargeInputs.All(folder, shipped).Where(c => only is null || c.Shape.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
            var report = new StringBuilder();
            report.AppendLine(Machine(binary));
            report.AppendLine();
            report.AppendLine("| shape | size | command | exit | in-process ms (CPU) | allocated | peak heap | process ms (CPU) | peak RSS | output | target |");
            report.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
            Console.Write(report);
            foreach (var item in cases)
            {
                foreach (var (label, commandArgs) in item.Commands.Where(c => onlyCommand is null || c.Label == onlyCommand))
                {
                    // Small inputs are warmed up first; a large one runs after the small ones of its shape have
                    // compiled the code it needs, and its files were just written (a warm-up would double a long run).
                    bool small = item.Bytes < 1_000_000;
                    int n = small ? runs ?? 5 : largeRuns;
                    var inProcess = Measure.InProcess(commandArgs, n, warmUp: small);
                    var child = processes ? Measure.Process(binary, commandArgs, n, warmUp: small) : null;
                    string row = Row(item, label, inProcess, child);
                    Console.WriteLine(row);
                    report.AppendLine(row);
                }
            }
            if (Option(args, "--report") is { } file)
            {
                File.WriteAllText(file, report.ToString());
            }
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Row(LargeCase item, string label, Figures inProcess, Figures? child)
    {
        bool small = item.Bytes < 65_536;
        double limit = small ? SmallTargetMs : LargeTargetMs;
        var misses = new List<string>();
        if (inProcess.Exit == 3 || child?.Exit == 3)
        {
            misses.Add("internal error");
        }
        if (inProcess.Milliseconds > limit || (child is not null && child.Milliseconds > limit))
        {
            misses.Add("time");
        }
        if (inProcess.PeakBytes > MemoryTarget || (child is not null && child.PeakBytes > MemoryTarget))
        {
            misses.Add("peak memory");
        }
        // Peak memory is what the target bounds; bytes allocated in total (most of them collected on the way) are noted.
        var notes = new List<string>();
        if (inProcess.AllocatedBytes > MemoryTarget)
        {
            notes.Add($"allocates {Mb(inProcess.AllocatedBytes)} in all");
        }
        if (item.Note.Length > 0)
        {
            notes.Add(item.Note);
        }
        string target = (misses.Count == 0 ? "met" : "**missed: " + string.Join(", ", misses) + "**") + (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : "");
        return $"| {item.Shape} | {LargeInputs.Size(item.Bytes)} | `{label}` | {inProcess.Exit} | {Ms(inProcess.Milliseconds)} ({Ms(inProcess.CpuMilliseconds)}) | {Mb(inProcess.AllocatedBytes)} | {Mb(inProcess.PeakBytes)} | "
            + $"{(child is null ? "" : $"{Ms(child.Milliseconds)} ({Ms(child.CpuMilliseconds)})")} | {(child is null ? "" : Mb(child.PeakBytes))} | {Mb(inProcess.OutputBytes)} | {target} |";
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => bytes < 1_000_000
        ? (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " KB"
        : (bytes / 1e6).ToString("#,0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Machine(string[] binary) =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
        + $"load average {Load()}; process: `{string.Join(' ', binary.Select(b => Path.GetRelativePath(RepoRoot(), b)))}`";

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

    /// <summary>The binary to run as a child process: the one given, the Native AOT build, or the JIT build's apphost.</summary>
    private static string[] Binary(string root, string? given)
    {
        if (given is not null)
        {
            return given.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", Path.GetFullPath(given)] : [Path.GetFullPath(given)];
        }
        string aot = Path.Combine(root, "artifacts", "aot", "regimen");
        if (File.Exists(aot))
        {
            return [aot];
        }
        string jit = Path.Combine(root, "src", "RegimenLang.Cli", "bin", "Release", "net10.0", "regimen");
        if (File.Exists(jit))
        {
            Console.Error.WriteLine("// artifacts/aot/regimen not found (dotnet publish src/RegimenLang.Cli -c Release -r linux-x64 -o artifacts/aot): timing the JIT build");
            return [jit];
        }
        throw new InvalidOperationException("no regimen binary: build src/RegimenLang.Cli in Release or publish it to artifacts/aot");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("RegimenLang.sln not found");
    }
}
