using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A top-level statement.</summary>
public abstract record Statement(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>regimen "title"</c></summary>
public sealed record HeaderStatement(StringLiteral Title, SourceSpan Span) : Statement(Span);

/// <summary><c>key: value</c>; the value is the raw text after the colon (or a string's content).</summary>
public sealed record MetadataStatement(Identifier Key, string Value, bool Quoted, SourceSpan ValueSpan, SourceSpan Span) : Statement(Span);

/// <summary><c>input name: type ["description"]</c></summary>
public sealed record InputStatement(Identifier Name, InputType Type, StringLiteral? Description, SourceSpan Span) : Statement(Span);

public enum InputKind
{
    Flag,
    Percent,
    Number,
}

/// <summary>The type of an input; <see cref="Unit"/> only for <c>number &lt;unit&gt;</c>.</summary>
public sealed record InputType(InputKind Kind, string? Unit, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>block name { ... }</c></summary>
public sealed record BlockStatement(Identifier Name, ImmutableArray<BodyLine> Body, SourceSpan Span) : Statement(Span);

public enum LengthUnit
{
    Days,
    Weeks,
}

/// <summary><c>cycle name ["title"] length n days|weeks { ... }</c></summary>
public sealed record CycleStatement(
    Identifier Name,
    StringLiteral? Title,
    NumberLiteral Length,
    LengthUnit LengthUnit,
    ImmutableArray<BodyLine> Body,
    SourceSpan Span) : Statement(Span)
{
    /// <summary>The length in days (weeks times seven); 0 when the literal is not a whole number.</summary>
    public int LengthInDays => Length.IsWholeNumber && Length.Value <= 100_000
        ? (int)Length.Value * (LengthUnit == LengthUnit.Weeks ? 7 : 1)
        : 0;
}

public enum LimitScope
{
    PerDose,
    PerDay,
    PerCycle,
    Lifetime,
}

/// <summary><c>limit drug quantity per dose|per day|per cycle|lifetime</c></summary>
public sealed record LimitStatement(Identifier Drug, AmountDose Amount, LimitScope Scope, SourceSpan Span) : Statement(Span);

/// <summary><c>plan { phase: sequence ... }</c></summary>
public sealed record PlanStatement(ImmutableArray<PhaseSyntax> Phases, SourceSpan Span) : Statement(Span);

/// <summary><c>name: sequence</c> inside a plan.</summary>
public sealed record PhaseSyntax(Identifier Name, SequenceSyntax Sequence, SourceSpan Span) : SyntaxNode(Span);
