using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Formatting;

namespace RegimenLang.Workspace;

public enum FormatOutcome
{
    Unchanged,
    Changed,

    /// <summary>Syntax errors, or a line that would be too long once indented: not formatted.</summary>
    Refused,

    /// <summary>The formatter's own safety net refused its output (a bug to report).</summary>
    InternalError,

    Unreadable,

    /// <summary>Formatted, but the file could not be written (or changed while it was formatted).</summary>
    NotWritten,
}

/// <summary>
/// One file's formatting: what happened; the diff when it changed and diffs were asked for; the findings that stopped it (syntax errors,
/// a line too long to indent); a line-ending note for CRLF files; the write error when writing failed.
/// </summary>
public sealed record FormatFileResult(string Path, FormatOutcome Outcome, string? Diff, IReadOnlyList<Diagnostic> Diagnostics, string? Note, string? Error);

/// <summary>
/// <c>regimen fmt</c> as a library call: formats files (in parallel) and, unless asked only to check,
/// writes them back: atomically, keeping permissions, never a file that changed while it was formatted,
/// and through a link to the file it points to.
/// </summary>
public static class FormatRun
{
    public const string CrlfNote = "the file uses CRLF line endings; the canonical form uses LF (add '*.regimen text eol=lf' to .gitattributes)";

    /// <param name="diffs">
    /// Compute the unified diff of each file that changes (<c>fmt --diff</c>). Only when asked: a diff is a line
    /// alignment that costs far more than formatting when most lines move (a blank line added between each of
    /// 80,000 cycles: 11 s of a 16 s <c>fmt --check</c>).
    /// </param>
    public static IReadOnlyList<FormatFileResult> Run(RegimenWorkspace workspace, IReadOnlyList<string> files, bool write, bool diffs = true)
    {
        var fs = workspace.FileSystem;
        var formatted = files.AsParallel().AsOrdered().Select(file => (File: file, Outcome: FormatOne(fs, file))).ToList();
        var results = new List<FormatFileResult>();
        foreach (var (file, (result, original, text)) in formatted)
        {
            if (result is not null)
            {
                results.Add(result);
                continue;
            }
            bool relative = !System.IO.Path.IsPathRooted(file);
            string? diff = diffs ? UnifiedDiff.Create(original!, text!, relative ? "a/" + file : file, relative ? "b/" + file : file) : null;
            string? note = original!.Contains("\r\n", StringComparison.Ordinal) ? CrlfNote : null;
            string? error = write ? Write(fs, file, original, text!) : null;
            results.Add(new FormatFileResult(file, error is null ? FormatOutcome.Changed : FormatOutcome.NotWritten, diff, [], note, error));
        }
        return results;
    }

    /// <summary>The finished result (unchanged, refused, failed), or the original and formatted texts of a file that would change.</summary>
    private static (FormatFileResult? Result, string? Original, string? Formatted) FormatOne(IFileSystem fs, string file)
    {
        var reading = fs.Read(file, SourceDecoder.MaxFileBytes);
        if (reading.Problem is { } problem)
        {
            return (new FormatFileResult(file, FormatOutcome.Unreadable, null, [], null, $"cannot read {file}: {problem.Reason}"), null, null);
        }
        var decoded = SourceDecoder.Decode(file, reading.Bytes);
        if (decoded.Source is not { } source)
        {
            return (new FormatFileResult(file, FormatOutcome.Refused, null, [decoded.Problem!], null, null), null, null);
        }
        var format = RegimenFormatter.Format(source);
        return format.Status switch
        {
            FormatStatus.SyntaxErrors or FormatStatus.LineTooLong => (new FormatFileResult(file, FormatOutcome.Refused, null, FindingList.Cap(format.Diagnostics), null, null), null, null),
            FormatStatus.InternalError => (new FormatFileResult(file, FormatOutcome.InternalError, null, [], null, $"{file}: {format.InternalError}"), null, null),
            _ when string.Equals(source.Text, format.Text, StringComparison.Ordinal) => (new FormatFileResult(file, FormatOutcome.Unchanged, null, [], null, null), null, null),
            _ => (null, source.Text, format.Text),
        };
    }

    /// <summary>Writes the formatted text unless the file changed meanwhile; the error in words, or null.</summary>
    private static string? Write(IFileSystem fs, string file, string original, string formatted)
    {
        var current = fs.Read(file, SourceDecoder.MaxFileBytes);
        string? now = current.Bytes is { } bytes ? SourceDecoder.Decode(file, bytes).Source?.Text : null;
        if (now == formatted)
        {
            return null; // already written in this run (a link and its target were both named)
        }
        if (now != original)
        {
            return $"{file} changed while it was being formatted; left as it is";
        }
        return fs.WriteAtomically(file, formatted) is { } error ? $"cannot write {file}: {error}" : null;
    }
}
