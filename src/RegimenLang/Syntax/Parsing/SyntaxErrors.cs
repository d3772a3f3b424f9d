using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>Turns a Pidgin parse error into an RL0001 in the catalogue's words ("expected ..., found ...").</summary>
internal static class SyntaxErrors
{
    /// <param name="tokens">The tokens the failed parser ran on (offsets in the error are relative to them).</param>
    /// <param name="whatElse">What else could stand where only the end of the line was expected (e.g. another clause).</param>
    public static Diagnostic Describe(ParseError<Token> error, ReadOnlySpan<Token> tokens, SourceSpan endOfLine, string? whatElse = null)
    {
        SourceSpan span = error.Unexpected.HasValue ? error.Unexpected.Value.Span : endOfLine;
        if (!error.Unexpected.HasValue && error.Message is not null && error.ErrorOffset > 0 && error.ErrorOffset <= tokens.Length)
        {
            // A check that failed after reading its tokens (a unit written out of order): point at the last one read.
            span = tokens[error.ErrorOffset - 1].Span;
        }
        if (error.Message == Grammar.UnitOrderFailure)
        {
            return Diagnose.UnitOutOfOrder(span);
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
        var found = error.Unexpected.HasValue ? error.Unexpected.Value : default;
        return Diagnose.Expected(span, expected, error.Unexpected.HasValue ? found.ToString() : "the end of the line",
            error.Unexpected.HasValue && found.Kind == TokenKind.Word ? found.Text : null);
    }
}
