using RegimenLang.Diagnostics;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Tests.Syntax;

public sealed class LexerTests
{
    private sealed record Lexed(Token[] Tokens, RegimenLang.Syntax.Nodes.Comment? Comment);

    private static Lexed Lex(string text, DiagnosticBag? bag = null)
    {
        var line = Lexer.LexLine(text, 0, text.Length, 1, bag ?? new DiagnosticBag("t"));
        return new Lexed(line.ToArray(), line.Comment);
    }

    [Fact]
    public void Splits_an_administration_line_into_words_numbers_and_punctuation()
    {
        var tokens = Lex("cytarabine 0.5 g/m2 IV q12h x 4 days 2-3").Tokens;
        Assert.Equal(
            ["cytarabine", "0.5", "g", "/", "m2", "IV", "q12h", "x", "4", "days", "2", "-", "3"],
            tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.Number, tokens[1].Kind);
        Assert.Equal(TokenKind.Slash, tokens[3].Kind);
        Assert.Equal(TokenKind.Dash, tokens[11].Kind);
    }

    [Fact]
    public void Positions_are_offsets_with_one_based_columns()
    {
        var tokens = Lex("  vincristine 2 mg").Tokens;
        Assert.Equal(2, tokens[0].Start);
        Assert.Equal(3, tokens[0].Column);
        Assert.Equal(15, tokens[1].Column);
    }

    [Theory]
    [InlineData("6-MP")]
    [InlineData("5-FU")]
    [InlineData("ara-C")]
    [InlineData("mini-hcvd")]
    [InlineData("blin_c1")]
    public void Drug_abbreviations_and_dashed_names_are_single_words(string word)
    {
        var token = Assert.Single(Lex(word).Tokens);
        Assert.Equal(TokenKind.Word, token.Kind);
        Assert.Equal(word, token.Text);
    }

    [Fact]
    public void A_comment_ends_the_line_and_is_kept()
    {
        var lexed = Lex("vincristine 2 mg # max 2 mg");
        Assert.Equal(3, lexed.Tokens.Length);
        Assert.Equal("# max 2 mg", lexed.Comment!.Text);
        Assert.False(lexed.Comment.OwnLine);
    }

    [Fact]
    public void Strings_unescape_quotes_and_backslashes()
    {
        var token = Assert.Single(Lex("\"a \\\"b\\\" \\\\ c\"").Tokens);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal("a \"b\" \\ c", token.Text);
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment()
    {
        var lexed = Lex("note \"bag #2\"");
        Assert.Null(lexed.Comment);
        Assert.Equal("bag #2", lexed.Tokens[1].Text);
    }

    [Fact]
    public void A_leading_decimal_point_is_reported_with_the_fix_and_lexed_as_the_fixed_number()
    {
        var bag = new DiagnosticBag("t");
        var lexed = Lex("cytarabine .5 g/m2", bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL0002", d.Code);
        Assert.Contains("write 0.5 instead of .5", d.Message, StringComparison.Ordinal);
        Assert.Equal(12, d.Span.Column);
        Assert.Equal("0.5", lexed.Tokens[1].Text);
    }

    [Fact]
    public void An_unterminated_string_is_reported()
    {
        var bag = new DiagnosticBag("t");
        Lex("regimen \"Hyper-CVAD", bag);
        Assert.Equal("RL0003", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Typographic_dashes_are_reported_with_the_ascii_fix()
    {
        var bag = new DiagnosticBag("t");
        Lex("days 1\u20133", bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL0004", d.Code);
        Assert.Contains("write -", d.Message, StringComparison.Ordinal);
        Assert.Equal(7, d.Span.Column);
    }

    [Fact]
    public void Comparison_operators_are_single_tokens()
    {
        var kinds = Lex(">= <= > < = != ==").Tokens.Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.GreaterEqual, TokenKind.LessEqual, TokenKind.Greater, TokenKind.Less, TokenKind.Equal, TokenKind.NotEqual, TokenKind.Equal],
            kinds);
    }

    [Fact]
    public void Overlong_numbers_are_reported_not_thrown()
    {
        var bag = new DiagnosticBag("t");
        Lex(new string('9', 40) + " mg", bag);
        Assert.Equal("RL0015", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void A_lone_surrogate_is_reported_not_thrown()
    {
        var bag = new DiagnosticBag("t");
        Lex("a \uD800 b", bag);
        Assert.Equal("RL0004", Assert.Single(bag.Items).Code);
    }
}
