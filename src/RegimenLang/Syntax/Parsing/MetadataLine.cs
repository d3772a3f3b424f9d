using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// <c>key: value</c> at the top level. The value is taken as written up to a comment, because
/// sources are DOIs and URLs whose characters (?, &amp;, =) are not tokens of the language.
/// A '#' starts a comment only at the start of the value or after white space, so URL fragments survive.
/// </summary>
internal static class MetadataLine
{
    /// <summary>Whether the line has the shape <c>word: ...</c>, which no line of a cycle, block or phase block has.</summary>
    public static bool HasKey(string text, int start, int end) => ScanKey(text, start, end, out _, out _, out _);

    /// <summary>Finds the key and the ':' after it (<paramref name="colon"/>), skipping blanks.</summary>
    private static bool ScanKey(string text, int start, int end, out int keyStart, out int keyEnd, out int colon)
    {
        int i = start;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }
        keyStart = keyEnd = colon = i;
        if (i >= end || !Lexer.IsWordStart(text[i]))
        {
            return false;
        }
        while (i < end && Lexer.IsWordPart(text[i]))
        {
            i++;
        }
        keyEnd = i;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }
        colon = i;
        return i < end && text[i] == ':';
    }

    public static bool TryParse(string text, int start, int end, int line, IDiagnosticSink diagnostics,
        out MetadataStatement? statement, out Comment? comment)
    {
        statement = null;
        comment = null;
        if (!ScanKey(text, start, end, out int keyStart, out int keyEnd, out int i))
        {
            return false;
        }
        SourceSpan At(int s, int length) => new(s, length, line, s - start + 1);

        var key = new Identifier(text[keyStart..keyEnd], At(keyStart, keyEnd - keyStart));
        int valueStart = i + 1;
        while (valueStart < end && text[valueStart] is ' ' or '\t')
        {
            valueStart++;
        }

        if (valueStart < end && text[valueStart] == '"')
        {
            // A quoted value: lex the rest so escapes and a trailing comment are handled like everywhere else.
            var lexed = Lexer.LexLine(text, valueStart, end, line, diagnostics);
            comment = lexed.Comment;
            var tokens = lexed.Tokens;
            if (tokens.Length > 1 && !lexed.HasErrors)
            {
                diagnostics.Report(Diagnose.Expected(tokens[1].Span, ["the end of the line after the quoted value"], tokens[1].ToString()));
            }
            var value = tokens.Length > 0 ? tokens[0] : default;
            statement = new MetadataStatement(key, value.Text ?? "", Quoted: true, value.Span, At(keyStart, value.End - keyStart));
            return true;
        }

        int valueEnd = valueStart;
        int commentStart = -1;
        for (int j = valueStart; j < end; j++)
        {
            if (text[j] == '#' && (j == valueStart || char.IsWhiteSpace(text[j - 1])))
            {
                commentStart = j;
                break;
            }
        }
        valueEnd = commentStart >= 0 ? commentStart : end;
        while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }
        if (commentStart >= 0)
        {
            var commentText = text.AsMemory(commentStart, end - commentStart).TrimEnd();
            comment = new Comment(commentText, At(commentStart, commentText.Length), OwnLine: false);
        }
        var valueSpan = At(valueStart, valueEnd - valueStart);
        statement = new MetadataStatement(key, text[valueStart..valueEnd], Quoted: false, valueSpan,
            At(keyStart, Math.Max(valueEnd, i + 1) - keyStart));
        return true;
    }
}
