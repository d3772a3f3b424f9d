using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Text;

namespace RegimenLang.Workspace;

/// <summary>One file's fixes: how many were applied, the diff, or why nothing could be written.</summary>
public sealed record FixFileResult(string Path, int Applied, string? Diff, string? Error, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// <c>regimen fix</c>: applies the preferred mechanical fixes the findings carry (a naked or trailing decimal,
/// ug and IU, qd and qod, a missing cap, a "did you mean" with one candidate, a typographic dash) and writes
/// the file atomically, as <c>fmt</c> does. It checks the result again and repeats (a fix can make another
/// finding visible), at most a few rounds; overlapping edits are left for the next round.
/// </summary>
public static class FixRun
{
    private const int MaxRounds = 4;

    public static IReadOnlyList<FixFileResult> Run(RegimenWorkspace workspace, IReadOnlyList<string> files, bool write) =>
        [.. files.AsParallel().AsOrdered().Select(file => FixOne(workspace, file, write))];

    private static FixFileResult FixOne(RegimenWorkspace workspace, string file, bool write)
    {
        var load = workspace.Load(file);
        if (load.Unreadable is { } unreadable)
        {
            return new FixFileResult(file, 0, null, $"cannot read {file}: {unreadable.Reason}", []);
        }
        if (load.Compilation is not { } compilation)
        {
            return new FixFileResult(file, 0, null, null, [load.Problem!]);
        }
        if (!compilation.Setup.Usable)
        {
            return new FixFileResult(file, 0, null, null, compilation.Setup.Problems);
        }
        string original = compilation.Source.Text;
        string text = original;
        int applied = 0;
        for (int round = 0; round < MaxRounds; round++)
        {
            var fixes = compilation.Diagnostics.SelectMany(d => d.Fixes.Where(f => f.IsPreferred).Take(1)).ToList();
            var (next, count) = Apply(text, fixes);
            if (count == 0)
            {
                break;
            }
            applied += count;
            text = next;
            compilation = new RegimenCompilation(new SourceText(file, text), compilation.Setup);
        }
        if (applied == 0)
        {
            return new FixFileResult(file, 0, null, null, []);
        }
        bool relative = !Path.IsPathRooted(file);
        string diff = UnifiedDiff.Create(original, text, relative ? "a/" + file : file, relative ? "b/" + file : file);
        string? error = write ? workspace.FileSystem.WriteAtomically(file, text) is { } e ? $"cannot write {file}: {e}" : null : null;
        return new FixFileResult(file, applied, diff, error, []);
    }

    /// <summary>The text with every fix whose edits overlap no earlier fix's applied, and how many were.</summary>
    public static (string Text, int Applied) Apply(string text, IEnumerable<CodeFix> fixes)
    {
        var chosen = new List<TextEdit>();
        int applied = 0;
        foreach (var fix in fixes.OrderBy(f => f.Edits.Min(e => e.Span.Start)))
        {
            bool clash = fix.Edits.Any(e => e.Span.Start < 0 || e.Span.End > text.Length
                || chosen.Any(c => e.Span.Start < c.Span.End + (c.Span.Length == 0 ? 1 : 0) && c.Span.Start < e.Span.End + (e.Span.Length == 0 ? 1 : 0)));
            if (clash)
            {
                continue;
            }
            chosen.AddRange(fix.Edits);
            applied++;
        }
        var result = new StringBuilder(text);
        foreach (var edit in chosen.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.Length))
        {
            result.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        }
        return (result.ToString(), applied);
    }
}
