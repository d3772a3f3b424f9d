using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// Every node of the tree knows where it was written, can be visited (<see cref="Accept{T}"/>: a new
/// node kind is a compile error in every visitor until it is handled) and lists its children in
/// source order (<see cref="Children"/>), so walks need no per-kind code.
/// </summary>
public abstract record SyntaxNode(SourceSpan Span)
{
    public abstract T Accept<T>(ISyntaxVisitor<T> visitor);

    /// <summary>The child nodes, in source order.</summary>
    public abstract IEnumerable<SyntaxNode> Children();

    /// <summary>This node and every node below it, parents first, in source order (without recursion).</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            var children = node.Children() as IReadOnlyList<SyntaxNode> ?? [.. node.Children()];
            for (int i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    protected static IEnumerable<SyntaxNode> None => [];

    /// <summary>The non-null nodes among <paramref name="nodes"/>, in order.</summary>
    protected static IEnumerable<SyntaxNode> Of(params SyntaxNode?[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                yield return node;
            }
        }
    }
}

/// <summary>A name as written (cycle, block, input, phase, drug or fact).</summary>
public sealed record Identifier(string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitIdentifier(this);

    public override IEnumerable<SyntaxNode> Children() => None;

    public override string ToString() => Text;
}

/// <summary>A decimal number, kept exactly and as written (so "2.0" stays "2.0" for the notation checks).</summary>
public sealed record NumberLiteral(decimal Value, string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public bool IsWholeNumber => decimal.Truncate(Value) == Value && !Text.Contains('.', StringComparison.Ordinal);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitNumber(this);

    public override IEnumerable<SyntaxNode> Children() => None;

    public override string ToString() => Text;
}

/// <summary>A quoted string; <see cref="Value"/> is the unescaped content.</summary>
public sealed record StringLiteral(string Value, SourceSpan Span) : SyntaxNode(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitString(this);

    public override IEnumerable<SyntaxNode> Children() => None;
}

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

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitComment(this);

    public override IEnumerable<SyntaxNode> Children() => None;
}

/// <summary>
/// Tokens the parser could not place: the whole of a line that failed (an error line) or the part of a
/// line from its first error on. They keep the line in the tree, and the names they mention count as
/// "possibly used", so a broken line never makes another line's name look unused or undefined.
/// </summary>
public sealed record SkippedTokens(System.Collections.Immutable.ImmutableArray<Token> Tokens, SourceSpan Span) : SyntaxNode(Span)
{
    public static readonly SkippedTokens Empty = new([], SourceSpan.None);

    public bool IsEmpty => Tokens.IsEmpty;

    /// <summary>The words among the tokens (names it may mention).</summary>
    public IEnumerable<string> Words => Tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Text);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitSkipped(this);

    public override IEnumerable<SyntaxNode> Children() => None;

    public override string ToString() => string.Join(" ", Tokens.Select(t => t.Kind == TokenKind.String ? $"\"{t.Text}\"" : t.Text));
}
