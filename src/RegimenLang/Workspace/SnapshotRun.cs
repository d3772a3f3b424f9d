using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Workspace;

public enum SnapshotOutcome
{
    Equal,
    Different,
    Created,
    Updated,
    Failed,
    NoGolden,
}

/// <summary>One regimen's snapshot: what happened, the diff when it differs, the findings when it could not be expanded, or the write error.</summary>
public sealed record SnapshotResult(string Regimen, string Golden, SnapshotOutcome Outcome, string? Diff, IReadOnlyList<Diagnostic> Diagnostics, string? Error)
{
    /// <summary>For a difference: what changes for the patient (administrations, totals), read from the golden table and the new timeline.</summary>
    public TimelineDiff? Changes { get; init; }
}

/// <summary>
/// Golden timelines for protocol authors: each <c>X.regimen</c> with a sibling <c>X.timeline.txt</c> (and an
/// optional <c>X.patient.yaml</c>) is expanded in the table format and compared; <c>update</c> rewrites the
/// golden files (atomically). Without a start in the patient file a snapshot starts on <see cref="DefaultStart"/>,
/// so golden files do not change with the calendar.
/// </summary>
public static class SnapshotRun
{
    public const string GoldenExtension = ".timeline.txt";
    public const string PatientExtension = ".patient.yaml";

    public static readonly DateOnly DefaultStart = new(2026, 1, 5);

    public const long MaxGoldenBytes = 64L * 1024 * 1024;

    public static IEnumerable<SnapshotResult> Run(RegimenWorkspace workspace, IReadOnlyList<string> regimens, bool update)
    {
        var fs = workspace.FileSystem;
        foreach (var regimen in regimens)
        {
            string stem = regimen.EndsWith(SourceFiles.Extension, StringComparison.Ordinal) ? regimen[..^SourceFiles.Extension.Length] : regimen;
            string golden = stem + GoldenExtension;
            string patient = stem + PatientExtension;
            bool hasGolden = fs.IsFile(golden);
            if (!hasGolden && !update)
            {
                yield return new SnapshotResult(regimen, golden, SnapshotOutcome.NoGolden, null, [], null);
                continue;
            }

            var source = new PatientSource(fs.IsFile(patient) ? patient : null, PatientDraft.Empty, new PatientOptions(BsaFormula.Mosteller, null, DefaultStart));
            var result = Expansion.Run(workspace, regimen, source);
            if (result.Unreadable is { } unreadable)
            {
                yield return new SnapshotResult(regimen, golden, SnapshotOutcome.Failed, null, [], $"cannot read {unreadable.Path}: {unreadable.Reason}");
                continue;
            }
            if (result.Timeline is not { } timeline)
            {
                yield return new SnapshotResult(regimen, golden, SnapshotOutcome.Failed, null, result.Diagnostics, null);
                continue;
            }

            string actual = TimelineTableWriter.Write(timeline);
            string expected = "";
            if (hasGolden)
            {
                var reading = fs.Read(golden, MaxGoldenBytes);
                if (reading.Problem is { } problem)
                {
                    yield return new SnapshotResult(regimen, golden, SnapshotOutcome.Failed, null, [], $"cannot read {golden}: {problem.Reason}");
                    continue;
                }
                expected = Encoding.UTF8.GetString(reading.Bytes!).Replace("\r\n", "\n", StringComparison.Ordinal);
            }
            if (hasGolden && string.Equals(expected, actual, StringComparison.Ordinal))
            {
                yield return new SnapshotResult(regimen, golden, SnapshotOutcome.Equal, null, result.Diagnostics, null);
                continue;
            }
            if (update)
            {
                string? error = fs.WriteAtomically(golden, actual);
                yield return error is null
                    ? new SnapshotResult(regimen, golden, hasGolden ? SnapshotOutcome.Updated : SnapshotOutcome.Created, null, result.Diagnostics, null)
                    : new SnapshotResult(regimen, golden, SnapshotOutcome.Failed, null, [], $"cannot write {golden}: {error}");
                continue;
            }
            yield return new SnapshotResult(regimen, golden, SnapshotOutcome.Different,
                UnifiedDiff.Create(expected, actual, golden, $"{regimen} (expanded)"), result.Diagnostics, null)
            {
                Changes = TimelineComparer.Compare(TimelineTableReader.Read(expected), TimelineDigest.From(timeline, null), golden, $"{regimen} (expanded)"),
            };
        }
    }
}
