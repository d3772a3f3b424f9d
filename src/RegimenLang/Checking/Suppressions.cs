using RegimenLang.Diagnostics;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Checking;

/// <summary>
/// Inline suppressions: an own-line comment <c># regimen-disable-next-line RL3007[, RL5001] -- reason</c>
/// silences those codes on the next line that holds a statement. A suppression without a reason is
/// itself a warning (RL5006). Fatal-route errors (RL3001) and syntax errors cannot be suppressed.
/// </summary>
public static class Suppressions
{
    public static IReadOnlyList<Diagnostic> Apply(SourceText source, RegimenDocument document, IReadOnlyList<Diagnostic> diagnostics)
    {
        var silenced = new HashSet<(int Line, string Code)>();
        var added = new List<Diagnostic>();
        foreach (var comment in document.Comments.Where(c => c.OwnLine))
        {
            if (SuppressionDirective.Read(comment.Text) is not { } directive)
            {
                continue;
            }
            var codes = directive.Codes;
            int target = NextStatementLine(source, comment.Span.Line);
            foreach (var code in codes)
            {
                silenced.Add((target, code.ToUpperInvariant()));
            }
            if (directive.Reason.Length == 0)
            {
                added.Add(Diagnose.SuppressionWithoutReason(comment.Span, string.Join(", ", codes)) with { File = document.Path });
            }
        }
        if (silenced.Count == 0)
        {
            return diagnostics;
        }
        return [.. diagnostics.Where(d => Configuration.RegimenConfig.IsLocked(d.Code) || !silenced.Contains((d.Span.Line, d.Code))).Concat(added)];
    }

    private static int NextStatementLine(SourceText source, int commentLine)
    {
        for (int line = commentLine + 1; line <= source.LineCount; line++)
        {
            int start = source.LineStart(line);
            int end = line < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
            string text = source.Text[start..end].Trim();
            if (text.Length > 0 && !text.StartsWith('#'))
            {
                return line;
            }
        }
        return commentLine + 1;
    }
}
