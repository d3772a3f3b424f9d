using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Syntax;

namespace RegimenLang.Workspace;

/// <summary>
/// What <c>regimen diff</c> found: the difference, or the findings of a side that could not be expanded, or a file
/// that could not be read at all (a usage error).
/// </summary>
public sealed record DiffResult(TimelineDiff? Diff, IReadOnlyList<Diagnostic> Diagnostics, string? Unreadable);

/// <summary>
/// <c>regimen diff OLD NEW</c>: expands two versions of a regimen (files, or <c>REV:path</c> read from git) for the same
/// patient and start, and compares them with <see cref="TimelineComparer"/>. Each side is checked in a workspace of its
/// own, with the configuration and formulary of the working tree where it lies. A side whose checks find errors for
/// the patient is still expanded (its errors are findings to compare); a side that cannot be expanded at all (a
/// syntax error, a missing patient fact) stops the run with its diagnostics.
/// </summary>
public static class DiffRun
{
    public static DiffResult Run(IFileSystem fileSystem, IReadOnlyList<string> formularies, string old, string @new, PatientSource patient, string folder)
    {
        var before = Side(fileSystem, formularies, old, patient, folder);
        if (before.Unreadable is not null)
        {
            return before;
        }
        var after = Side(fileSystem, formularies, @new, patient, folder);
        if (after.Unreadable is not null)
        {
            return after;
        }
        var diagnostics = before.Diagnostics.Concat(after.Diagnostics).ToList();
        if (before.Digest is not { } oldDigest || after.Digest is not { } newDigest)
        {
            return new DiffResult(null, diagnostics, null);
        }
        return new DiffResult(TimelineComparer.Compare(oldDigest, newDigest, old, @new), [], null);
    }

    private sealed record SideResult(TimelineDigest? Digest, IReadOnlyList<Diagnostic> Diagnostics, string? Unreadable)
    {
        public static implicit operator DiffResult(SideResult side) => new(null, side.Diagnostics, side.Unreadable);
    }

    private static SideResult Side(IFileSystem fileSystem, IReadOnlyList<string> formularies, string argument, PatientSource patient, string folder)
    {
        var workspace = new RegimenWorkspace(fileSystem, formularies);
        string path = argument;
        if (GitRevisionFile.Parse(argument, fileSystem) is { } revision)
        {
            var reading = revision.Read(folder, SourceDecoder.MaxFileBytes);
            if (reading.Problem is { } problem)
            {
                return new SideResult(null, [], $"cannot read {argument}: {problem.Reason}");
            }
            var (treePath, error) = revision.WorkingTreePath(folder);
            if (treePath is null)
            {
                return new SideResult(null, [], $"cannot read {argument}: {error}");
            }
            var decoded = SourceDecoder.Decode(argument, reading.Bytes);
            if (decoded.Source is not { } source)
            {
                return new SideResult(null, [decoded.Problem!], null);
            }
            // Opened as an editor's document at its working-tree path: its text wins, and the configuration next to it applies.
            workspace.Update(treePath, source.Text, 0);
            path = treePath;
        }
        var expansion = Expansion.Run(workspace, path, patient, allowErrors: true);
        if (expansion.Unreadable is { } unreadable)
        {
            return new SideResult(null, [], $"cannot read {unreadable.Path}: {unreadable.Reason}");
        }
        if (expansion.Timeline is not { } timeline)
        {
            // A revision's findings name it as the user did, not by the working-tree path it was checked at.
            return new SideResult(null, [.. expansion.Diagnostics.Select(d => d.File == path && path != argument ? d with { File = argument } : d)], null);
        }
        // The "more findings" marker of a capped list is no finding of the regimen.
        var findings = expansion.Diagnostics.Where(d => !ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings));
        return new SideResult(TimelineDigest.From(timeline, findings), [], null);
    }
}
