using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Workspace;

/// <summary>One file's outcome: its findings (none when it could not be read: see <see cref="CheckReport.Unreadable"/>).</summary>
public sealed record CheckedFile(string Path, RegimenCompilation? Compilation, IReadOnlyList<Diagnostic> Diagnostics, string? Unreadable = null)
{
    /// <summary>Every finding of the file by severity, the ones the cap does not show included.</summary>
    public FindingCounts Counts => FindingCounts.Of(Diagnostics);

    public bool HasErrors => Counts.Errors > 0;
}

/// <summary>What checking a set of files found: per-file findings in path order, problems of the setup and the patient, and what could not be read.</summary>
/// <param name="Unreadable">Paths that could not be read at all, with the reason: a usage error (exit 2), not a finding.</param>
public sealed record CheckReport(IReadOnlyList<string> Files, IReadOnlyList<CheckedFile> Results, IReadOnlyList<Diagnostic> Setup, IReadOnlyList<(string Path, string Reason)> Unreadable)
{
    /// <summary>The findings shown: at most <see cref="FindingList.MaxPerFile"/> of each file, then a count of the rest.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics => Setup.Concat(Results.SelectMany(f => f.Diagnostics));

    /// <summary>Every finding by severity, shown or not: what the summary and the exit status are taken from.</summary>
    public FindingCounts Counts => Results.Aggregate(FindingCounts.Of(Setup), (sum, f) => sum + f.Counts);

    public int Errors => Counts.Errors;

    public int Warnings => Counts.Warnings;
}

/// <summary>
/// <c>regimen check</c> as a library call: collects the files, reads the patient (when one is given) and
/// checks every file against its own configuration and formulary, in parallel, reporting in path order.
/// A patient file with errors is reported and nothing is checked against it: absolute doses checked for
/// half a patient would be silent where they matter.
/// </summary>
public static class CheckRun
{
    public static CheckReport Run(RegimenWorkspace workspace, IReadOnlyList<string> paths, PatientSource? patientSource = null)
    {
        var collected = SourceFiles.Collect(workspace.FileSystem, paths);
        var unreadable = new List<(string, string)>(collected.Unreadable);
        PatientLoad? patient = null;
        if (patientSource is not null)
        {
            patient = patientSource.Load(workspace.FileSystem);
            if (patient.Unreadable is { } reason)
            {
                unreadable.Add((patientSource.File!, reason));
                return new CheckReport(collected.Files, [], [], unreadable);
            }
            if (patient.HasErrors)
            {
                return new CheckReport(collected.Files, [], FindingList.Cap(patient.Problems), unreadable);
            }
        }

        var setup = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        // One file is checked on this thread: starting the thread pool for it cost more than the check (a pre-commit hook's usual case).
        var results = collected.Files.Count <= 1
            ? collected.Files.Select(file => CheckOne(workspace, file, patient, patientSource?.Options, setup)).ToList()
            : collected.Files
                .AsParallel().AsOrdered()
                .Select(file => CheckOne(workspace, file, patient, patientSource?.Options, setup))
                .ToList();
        unreadable.AddRange(results.Where(r => r.Unreadable is not null).Select(r => (r.Path, r.Unreadable!)));
        var setupProblems = FindingList.Cap([.. setup.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value).DistinctBy(d => d.ToString())]);
        return new CheckReport(collected.Files, [.. results.Where(r => r.Unreadable is null)], setupProblems, unreadable);
    }

    private static CheckedFile CheckOne(RegimenWorkspace workspace, string file, PatientLoad? patient, PatientOptions? options,
        System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> setupProblems)
    {
        var load = workspace.Load(file);
        if (load.Compilation is not { } compilation)
        {
            return new CheckedFile(file, null, load.Problem is { } problem ? [problem] : [], load.Unreadable?.Reason);
        }
        setupProblems.TryAdd(compilation.Setup.Config.Path ?? "", compilation.Setup.Problems);
        if (!compilation.Setup.Usable)
        {
            return new CheckedFile(file, compilation, []);
        }
        if (patient is null)
        {
            return new CheckedFile(file, compilation, compilation.Diagnostics);
        }
        // The patient is built per regimen, because its inputs are typed by each regimen's declarations.
        var problems = new List<Diagnostic>();
        var built = patient.For(compilation.Model, options!, problems);
        var diagnostics = built is null
            ? compilation.Finish(compilation.Syntax.Diagnostics.Concat(problems))
            : compilation.Check(built);
        return new CheckedFile(file, compilation, diagnostics);
    }
}
