using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>Turns a Pidgin parse error into an RL0001 diagnostic worded for a protocol author.</summary>
internal static class SyntaxErrors
{
    /// <param name="whatElse">What else could stand where only the end of the line was expected (e.g. another clause).</param>
    public static void Report(ParseError<Token> error, ReadOnlySpan<Token> tokens, SourceSpan endOfLine, DiagnosticBag diagnostics, string? whatElse = null)
    {
        SourceSpan span = error.Unexpected.HasValue ? error.Unexpected.Value.Span : endOfLine;
        if (!error.Unexpected.HasValue && error.Message is not null && error.ErrorOffset > 0 && error.ErrorOffset <= tokens.Length)
        {
            // A check that failed after reading its tokens (a unit written out of order): point at the last one read.
            span = tokens[error.ErrorOffset - 1].Span;
        }
        string found = error.Unexpected.HasValue ? error.Unexpected.Value.ToString() : "the end of the line";

        if (error.Message is { Length: > 0 } custom && !custom.StartsWith("unexpected", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticCatalog.UnexpectedToken, span, custom);
            return;
        }

        var expected = new List<string>();
        foreach (var e in error.Expected)
        {
            string text = e.Label ?? (e.IsEof ? "the end of the line" : string.Join(" ", e.Tokens.Select(t => t.Text)));
            if (!expected.Contains(text))
            {
                expected.Add(text);
            }
        }
        if (whatElse is not null && expected is ["the end of the line"])
        {
            expected.Insert(0, whatElse);
        }
        // Keep "the end of the line" last: it reads as the fallback.
        if (expected.Remove("the end of the line"))
        {
            expected.Add("the end of the line");
        }
        string message = expected.Count == 0 ? $"unexpected {found}" : $"expected {JoinOr(expected)}, found {found}";
        if (error.Unexpected.HasValue && Hint(error.Unexpected.Value) is { } hint)
        {
            message += ": " + hint;
        }
        diagnostics.Add(DiagnosticCatalog.UnexpectedToken, span, message);
    }

    /// <summary>Advice for tokens that are a known mistake rather than a random one.</summary>
    private static string? Hint(Token token) => token.Kind != TokenKind.Word ? null : token.Text.ToLowerInvariant() switch
    {
        "cc" => "'cc' is on the do-not-use lists (read as 'u' or '00'); doses are a mass or units (mg, mcg, g, units), not a volume",
        "ml" => "doses are a mass or units (mg, mcg, g, units), not a volume",
        "intrathecal" or "intravenous" or "oral" or "subcutaneous" or "intramuscular" => "write the route's abbreviation (IT, IV, PO, SC, IM)",
        _ => null,
    };

    public static string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };
}
