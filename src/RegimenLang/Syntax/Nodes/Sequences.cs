using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A plan sequence: cycles, <c>then</c>, <c>x N</c>, parentheses and <c>rest</c>.</summary>
public abstract record SequenceSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A cycle named in a plan.</summary>
public sealed record CycleReference(Identifier Name, SourceSpan Span) : SequenceSyntax(Span);

/// <summary><c>a then b then c</c></summary>
public sealed record ThenSequence(ImmutableArray<SequenceSyntax> Items, SourceSpan Span) : SequenceSyntax(Span);

/// <summary><c>item x count</c></summary>
public sealed record RepeatSequence(SequenceSyntax Item, NumberLiteral Count, SourceSpan Span) : SequenceSyntax(Span);

/// <summary><c>( sequence )</c>, kept so the formatter writes the parentheses the author wrote.</summary>
public sealed record ParenthesizedSequence(SequenceSyntax Inner, SourceSpan Span) : SequenceSyntax(Span);

/// <summary><c>rest n days|weeks</c>: a treatment-free gap.</summary>
public sealed record RestSequence(NumberLiteral Amount, LengthUnit Unit, SourceSpan Span) : SequenceSyntax(Span)
{
    public int Days => Amount.IsWholeNumber && Amount.Value <= 100_000
        ? (int)Amount.Value * (Unit == LengthUnit.Weeks ? 7 : 1)
        : 0;
}
