namespace RegimenLang.Syntax;

public enum TokenKind
{
    Word,
    Number,
    String,
    Comma,
    Colon,
    Slash,
    Percent,
    Dash,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    Pipe,
}
