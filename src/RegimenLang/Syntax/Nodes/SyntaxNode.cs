using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>Every node of the tree knows where it was written.</summary>
public abstract record SyntaxNode(SourceSpan Span);

/// <summary>A name as written (cycle, block, input, phase, drug or fact).</summary>
public sealed record Identifier(string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}

/// <summary>A decimal number, kept exactly and as written (so "2.0" stays "2.0" for the notation checks).</summary>
public sealed record NumberLiteral(decimal Value, string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public bool IsWholeNumber => decimal.Truncate(Value) == Value && !Text.Contains('.', StringComparison.Ordinal);

    public override string ToString() => Text;
}

/// <summary>A quoted string; <see cref="Value"/> is the unescaped content.</summary>
public sealed record StringLiteral(string Value, SourceSpan Span) : SyntaxNode(Span);

/// <summary>
/// A comment, kept for the formatter. <see cref="Text"/> includes the leading '#'. The text stays a
/// slice of the source until asked for: regimen files are often more comment than code.
/// </summary>
public sealed record Comment(ReadOnlyMemory<char> Source, SourceSpan Span, bool OwnLine) : SyntaxNode(Span)
{
    public Comment(string text, SourceSpan span, bool ownLine)
        : this(text.AsMemory(), span, ownLine)
    {
    }

    public string Text => Source.ToString();
}
