using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// The tokens of one line, the comment that ends it (if any), and whether lexing found an error.
/// <see cref="Tokens"/> is the lexer's per-thread buffer: valid until the next line is lexed on this
/// thread, which saves an array per line; <see cref="ToArray"/> copies it for keeping.
/// </summary>
public readonly ref struct LexedLine(ReadOnlySpan<Token> tokens, Comment? comment, bool hasErrors)
{
    public ReadOnlySpan<Token> Tokens { get; } = tokens;
    public Comment? Comment { get; } = comment;
    public bool HasErrors { get; } = hasErrors;

    public Token[] ToArray() => Tokens.ToArray();
}

/// <summary>
/// Splits one line into tokens. Lexing is per line because a newline ends every statement; this
/// also makes error recovery trivial (the next line starts clean).
/// </summary>
public static class Lexer
{
    /// <summary>Longest number we accept: beyond 28 significant digits a decimal cannot hold it exactly.</summary>
    private const int MaxNumberLength = 28;

    // Lines are lexed one after another on a thread: one buffer per thread saves a growing list per line.
    [ThreadStatic]
    private static List<Token>? t_buffer;

    public static LexedLine LexLine(string text, int lineStart, int lineEnd, int line, IDiagnosticSink diagnostics)
    {
        var tokens = t_buffer ??= new List<Token>(64);
        tokens.Clear();
        Comment? comment = null;
        bool errors = false;
        int i = lineStart;

        while (i < lineEnd)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\f' or '\v' or '\u00A0' or '\uFEFF')
            {
                i++;
                continue;
            }

            int column = i - lineStart + 1;
            SourceSpan At(int start, int length) => new(start, length, line, start - lineStart + 1);

            if (c == '#')
            {
                bool ownLine = tokens.Count == 0;
                var commentText = text.AsMemory(i, lineEnd - i).TrimEnd();
                comment = new Comment(commentText, At(i, commentText.Length), ownLine);
                break;
            }

            if (IsWordStart(c))
            {
                int start = i;
                i = ScanWordTail(text, i + 1, lineEnd);
                tokens.Add(new Token(TokenKind.Word, TokenText.Get(text, start, i - start), start, i - start, line, column));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < lineEnd && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                // 6-MP, 5-FU: digits, a dash and a letter make a drug abbreviation, not a day range.
                if (i + 1 < lineEnd && text[i] == '-' && IsWordStart(text[i + 1]))
                {
                    i = ScanWordTail(text, i + 1, lineEnd);
                    tokens.Add(new Token(TokenKind.Word, TokenText.Get(text, start, i - start), start, i - start, line, column));
                    continue;
                }
                if (i < lineEnd && text[i] == '.')
                {
                    if (i + 1 < lineEnd && char.IsAsciiDigit(text[i + 1]))
                    {
                        i++;
                        while (i < lineEnd && char.IsAsciiDigit(text[i]))
                        {
                            i++;
                        }
                    }
                    else
                    {
                        diagnostics.Report(Diagnose.TrailingDecimalPoint(At(start, i + 1 - start), text[start..(i + 1)]));
                        errors = true;
                        i++;
                        tokens.Add(new Token(TokenKind.Number, text[start..(i - 1)], start, i - start, line, column));
                        continue;
                    }
                }
                string number = TokenText.Get(text, start, i - start);
                if (number.Replace(".", "", StringComparison.Ordinal).Length > MaxNumberLength)
                {
                    diagnostics.Report(Diagnose.TooManyDigits(At(start, i - start), number, MaxNumberLength));
                    errors = true;
                    number = "0";
                }
                tokens.Add(new Token(TokenKind.Number, number, start, i - start, line, column));
                continue;
            }

            if (c == '.' && i + 1 < lineEnd && char.IsAsciiDigit(text[i + 1]))
            {
                int start = i;
                i++;
                while (i < lineEnd && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                string written = text[start..i];
                diagnostics.Report(Diagnose.LeadingDecimalPoint(At(start, i - start), written));
                errors = true;
                // Keep the corrected number so the rest of the line still parses and reports its own errors.
                string corrected = "0" + written;
                tokens.Add(new Token(TokenKind.Number, corrected.Length > MaxNumberLength ? "0" : corrected, start, i - start, line, column));
                continue;
            }

            if (c == '"')
            {
                int start = i;
                var value = new StringBuilder();
                i++;
                bool closed = false;
                while (i < lineEnd)
                {
                    char s = text[i];
                    if (s == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    if (s == '\\' && i + 1 < lineEnd)
                    {
                        char e = text[i + 1];
                        if (e is '"' or '\\')
                        {
                            value.Append(e);
                        }
                        else
                        {
                            diagnostics.Report(Diagnose.InvalidEscape(At(i, 2), e));
                            errors = true;
                            value.Append('\\').Append(e);
                        }
                        i += 2;
                        continue;
                    }
                    value.Append(s);
                    i++;
                }
                if (!closed)
                {
                    diagnostics.Report(Diagnose.UnterminatedString(At(start, lineEnd - start)));
                    errors = true;
                }
                tokens.Add(new Token(TokenKind.String, value.ToString(), start, i - start, line, column));
                continue;
            }

            var (kind, length) = Punctuation(text, i, lineEnd);
            if (length > 0)
            {
                tokens.Add(new Token(kind, TokenText.Get(text, i, length), i, length, line, column));
                i += length;
                continue;
            }

            int runeLength = i + 1 < lineEnd && char.IsSurrogatePair(c, text[i + 1]) ? 2 : 1;
            int codePoint = runeLength == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
            diagnostics.Report(Diagnose.InvalidCharacter(At(i, runeLength), codePoint));
            errors = true;
            i += runeLength;
        }

        return new LexedLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), comment, errors);
    }

    internal static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    internal static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private static int ScanWordTail(string text, int i, int end)
    {
        while (i < end && IsWordPart(text[i]))
        {
            i++;
        }
        return i;
    }

    private static (TokenKind Kind, int Length) Punctuation(string text, int i, int end)
    {
        char next = i + 1 < end ? text[i + 1] : '\0';
        return text[i] switch
        {
            ',' => (TokenKind.Comma, 1),
            ':' => (TokenKind.Colon, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '-' => (TokenKind.Dash, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            '<' when next == '=' => (TokenKind.LessEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterEqual, 2),
            '>' => (TokenKind.Greater, 1),
            '=' when next == '=' => (TokenKind.Equal, 2),
            '=' => (TokenKind.Equal, 1),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '|' => (TokenKind.Pipe, 1),
            _ => (TokenKind.Word, 0),
        };
    }
}
