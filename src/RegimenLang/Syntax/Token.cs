namespace RegimenLang.Syntax;

/// <summary>
/// A token of one line. <see cref="Start"/> is the offset in the whole file, so spans need no
/// translation. <see cref="Text"/> is the token as written, except for strings, where it is the
/// unescaped content.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public Text.SourceSpan Span => new(Start, Length, Line, Column);

    public bool IsWord(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind switch
    {
        TokenKind.Word => $"'{Text}'",
        TokenKind.Number => $"the number {Text}",
        TokenKind.String => "a string",
        _ => $"'{Text}'",
    };
}
