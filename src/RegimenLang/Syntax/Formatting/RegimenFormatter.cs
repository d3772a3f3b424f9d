using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// <c>regimen fmt</c>: rewrites a regimen file in its one canonical layout without changing a
/// character of its meaning. It refuses a file with syntax errors (the tree would be incomplete), and
/// it re-parses its own output and compares the trees structurally (<see cref="SyntaxEquivalence"/>):
/// if they differ, it refuses with an internal error instead of producing text that means something else.
/// </summary>
public static class RegimenFormatter
{
    public static FormatResult Format(string path, string text) => Format(new SourceText(path, text));

    public static FormatResult Format(SourceText source) => Format(source, DocumentLayout.Write);

    /// <summary>Formats with the given layout; tests pass a faulty one to see the safety net refuse it.</summary>
    internal static FormatResult Format(SourceText source, Func<Nodes.RegimenDocument, SourceText, string> layout)
    {
        bool crlf = source.Text.Contains("\r\n", StringComparison.Ordinal);
        var parse = RegimenParser.Parse(source);
        if (parse.HasErrors)
        {
            return new FormatResult(FormatStatus.SyntaxErrors, null, [.. parse.Diagnostics.Where(d => d.Severity == Severity.Error)], null, crlf);
        }

        string formatted = layout(parse.Document, source);
        if (TooLongLine(source.Path, formatted) is { } tooLong)
        {
            return new FormatResult(FormatStatus.LineTooLong, null, [tooLong], null, crlf);
        }

        var reparsed = RegimenParser.Parse(new SourceText(source.Path, formatted));
        if (reparsed.HasErrors)
        {
            var first = reparsed.Diagnostics.First(d => d.Severity == Severity.Error);
            return Internal($"the formatted text of {source.Path} does not parse (line {first.Span.Line}: {first.Message})", crlf);
        }
        if (!SyntaxEquivalence.Equivalent(parse.Document, reparsed.Document))
        {
            return Internal($"the formatted text of {source.Path} would not mean the same as the original", crlf);
        }
        return new FormatResult(FormatStatus.Formatted, formatted, [], null, crlf);
    }

    /// <summary>A line the canonical layout makes longer than the parser reads (indentation added to a line near the limit).</summary>
    private static Diagnostic? TooLongLine(string path, string formatted)
    {
        int line = 1, start = 0;
        while (start <= formatted.Length)
        {
            int end = formatted.IndexOf('\n', start);
            if (end < 0)
            {
                end = formatted.Length;
            }
            if (end - start > RegimenParser.MaxLineLength)
            {
                return Diagnose.LineTooLong(new SourceSpan(0, 0, line, 1), end - start, RegimenParser.MaxLineLength) with { File = path };
            }
            start = end + 1;
            line++;
        }
        return null;
    }

    private static FormatResult Internal(string message, bool crlf) =>
        new(FormatStatus.InternalError, null, [], $"internal error: {message}; the file was left unchanged (please report this)", crlf);
}
