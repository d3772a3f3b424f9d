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
        var nextStatement = new NextStatementLines(source);
        foreach (var comment in document.Comments.Where(c => c.OwnLine))
        {
            if (SuppressionDirective.Read(comment.Text) is not { } directive)
            {
                continue;
            }
            var codes = directive.Codes;
            int target = nextStatement.After(comment.Span.Line);
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

    /// <summary>
    /// The line of the next statement after a comment line. Asked in the order of the comments, it remembers its
    /// last answer: every comment of a run of comments and blank lines has the same next statement, and
    /// searching afresh for each one cost n² on a file of n suppressions in a row (25,000 of them: 11.6 s).
    /// </summary>
    private sealed class NextStatementLines(SourceText source)
    {
        private int _askedFor;
        private int _answer;

        public int After(int commentLine)
        {
            // The lines between the last comment asked about and its answer hold no statement.
            if (commentLine > _askedFor && commentLine < _answer)
            {
                _askedFor = commentLine;
                return _answer;
            }
            _askedFor = commentLine;
            _answer = Search(commentLine);
            return _answer;
        }

        private int Search(int commentLine)
        {
            for (int line = commentLine + 1; line <= source.LineCount; line++)
            {
                int start = source.LineStart(line);
                int end = line < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
                var text = source.Text.AsSpan(start, end - start).Trim();
                if (text.Length > 0 && text[0] != '#')
                {
                    return line;
                }
            }
            return commentLine + 1;
        }
    }
}
