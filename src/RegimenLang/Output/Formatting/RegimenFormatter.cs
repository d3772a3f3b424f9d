using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Output.Formatting;

/// <summary>
/// <c>regimen fmt</c>: rewrites a regimen file in its one canonical layout without changing a
/// character of its meaning. It refuses a file with syntax errors (the tree would be incomplete), and
/// it re-parses its own output and compares the position-free trees (<see cref="FormatEquivalence"/>):
/// if they differ, it refuses with an internal error instead of producing text that means something else.
/// </summary>
public static class RegimenFormatter
{
    public static FormatResult Format(string path, string text) => Format(new SourceText(path, text));

    public static FormatResult Format(SourceText source) => Format(source, DocumentLayout.Write);

    /// <summary>Formats with the given layout; tests pass a faulty one to see the safety net refuse it.</summary>
    internal static FormatResult Format(SourceText source, Func<Syntax.Nodes.RegimenDocument, SourceText, string> layout)
    {
        var parse = RegimenParser.Parse(source);
        if (parse.HasErrors)
        {
            return new FormatResult(FormatStatus.SyntaxErrors, null, [.. parse.Diagnostics.Where(d => d.Severity == Severity.Error)], null);
        }

        string formatted = layout(parse.Document, source);

        var reparsed = RegimenParser.Parse(new SourceText(source.Path, formatted));
        if (reparsed.HasErrors)
        {
            var first = reparsed.Diagnostics.First(d => d.Severity == Severity.Error);
            return Internal($"the formatted text of {source.Path} does not parse (line {first.Span.Line}: {first.Message})");
        }
        if (FormatEquivalence.Key(parse.Document) != FormatEquivalence.Key(reparsed.Document))
        {
            return Internal($"the formatted text of {source.Path} would not mean the same as the original");
        }
        return new FormatResult(FormatStatus.Formatted, formatted, [], null);
    }

    private static FormatResult Internal(string message) =>
        new(FormatStatus.InternalError, null, [], $"internal error: {message}; the file was left unchanged (please report this)");
}
