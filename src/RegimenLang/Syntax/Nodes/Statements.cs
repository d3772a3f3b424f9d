using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A top-level statement.</summary>
public abstract record Statement(SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The lines between the braces of a block, cycle, phase block or plan; null for a one-line statement.</summary>
    public virtual IEnumerable<SyntaxNode>? ContainedLines => null;
}

/// <summary><c>regimen "title"</c></summary>
public sealed record HeaderStatement(StringLiteral Title, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitHeader(this);

    public override IEnumerable<SyntaxNode> Children() => [Title];
}

/// <summary><c>key: value</c>; the value is the raw text after the colon (or a string's content).</summary>
public sealed record MetadataStatement(Identifier Key, string Value, bool Quoted, SourceSpan ValueSpan, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitMetadata(this);

    public override IEnumerable<SyntaxNode> Children() => [Key];
}

/// <summary><c>input name: type ["description"]</c></summary>
public sealed record InputStatement(Identifier Name, InputType Type, StringLiteral? Description, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitInput(this);

    public override IEnumerable<SyntaxNode> Children() => Of(Name, Type, Description);
}

public enum InputKind
{
    Flag,
    Percent,
    Number,
    Choice,
}

/// <summary>The type of an input; <see cref="Unit"/> only for <c>number &lt;unit&gt;</c>, <see cref="Choices"/> only for <c>choice a | b</c>.</summary>
public sealed record InputType(InputKind Kind, string? Unit, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The values of a <c>choice</c> input, in the order written (<c>choice negative | positive</c>).</summary>
    public ImmutableArray<Identifier> Choices { get; init; } = [];

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitInputType(this);

    public override IEnumerable<SyntaxNode> Children() => Choices;
}

/// <summary>
/// <c>block name { ... }</c>. When the opening line has an error the block is kept, with its name when
/// it can be read and the line's tokens in <see cref="HeaderSkipped"/>, so its body is still checked.
/// </summary>
public sealed record BlockStatement(Identifier? Name, ImmutableArray<BodyLine> Body, SkippedTokens HeaderSkipped, SourceSpan Span) : Statement(Span)
{
    public override IEnumerable<SyntaxNode>? ContainedLines => Body;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitBlock(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Of(Name, HeaderSkipped.IsEmpty ? null : HeaderSkipped), .. Body];
}

/// <summary>
/// <c>phase name { ... }</c>: lines that run across the cycles of a phase of the plan rather than within one cycle
/// (a drug taken every day of induction, a dose every 14 days, a ramp-up that crosses cycles). Their day numbers
/// count from day 1 of the phase's first cycle.
/// </summary>
public sealed record PhaseBlockStatement(Identifier? Name, ImmutableArray<BodyLine> Body, SkippedTokens HeaderSkipped, SourceSpan Span) : Statement(Span)
{
    /// <summary>False when the block's '}' is missing (reported there): its name may then be a stray line's, and is not reported as unknown.</summary>
    public bool IsClosed { get; init; } = true;

    public override IEnumerable<SyntaxNode>? ContainedLines => Body;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitPhaseBlock(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Of(Name, HeaderSkipped.IsEmpty ? null : HeaderSkipped), .. Body];
}

public enum LengthUnit
{
    Days,
    Weeks,
}

/// <summary>
/// <c>cycle name ["title"] length n days|weeks { ... }</c>. When the opening line has an error the cycle is
/// kept with what could be read (its name, maybe its title) and the line's tokens in <see cref="HeaderSkipped"/>;
/// its length is then unknown (<see cref="LengthInDays"/> null) and the plan cannot be laid out.
/// </summary>
public sealed record CycleStatement(
    Identifier? Name,
    StringLiteral? Title,
    NumberLiteral? Length,
    LengthUnit LengthUnit,
    ImmutableArray<BodyLine> Body,
    SkippedTokens HeaderSkipped,
    SourceSpan Span) : Statement(Span)
{
    /// <summary>The length in days (weeks times seven); null when the header failed or the literal is not a usable whole number.</summary>
    public int? LengthInDays => HeaderSkipped.IsEmpty && Length is { IsWholeNumber: true, Value: >= 1 and <= 100_000 } length
        ? (int)length.Value * (LengthUnit == LengthUnit.Weeks ? 7 : 1)
        : null;

    public override IEnumerable<SyntaxNode>? ContainedLines => Body;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitCycle(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Of(Name, Title, Length, HeaderSkipped.IsEmpty ? null : HeaderSkipped), .. Body];
}

public enum LimitScope
{
    PerDose,
    PerDay,
    PerCycle,
    Lifetime,
}

/// <summary><c>limit drug quantity per dose|per day|per cycle|lifetime</c></summary>
public sealed record LimitStatement(Identifier Drug, AmountDose Amount, LimitScope Scope, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitLimit(this);

    public override IEnumerable<SyntaxNode> Children() => [Drug, Amount];
}

/// <summary><c>plan { phase: sequence ... }</c></summary>
public sealed record PlanStatement(ImmutableArray<PlanLine> Lines, SkippedTokens HeaderSkipped, SourceSpan Span) : Statement(Span)
{
    public IEnumerable<PhaseSyntax> Phases => Lines.OfType<PhaseSyntax>();

    public override IEnumerable<SyntaxNode>? ContainedLines => Lines;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitPlan(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Of(HeaderSkipped.IsEmpty ? null : HeaderSkipped), .. Lines];
}

/// <summary>A line inside a plan: a phase, or a line that could not be read.</summary>
public abstract record PlanLine(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>name: sequence</c> inside a plan.</summary>
public sealed record PhaseSyntax(Identifier Name, SequenceSyntax Sequence, SourceSpan Span) : PlanLine(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitPhase(this);

    public override IEnumerable<SyntaxNode> Children() => [Name, Sequence];
}

/// <summary>A top-level line with a syntax error: kept whole, so nothing the author wrote vanishes from the tree.</summary>
public sealed record ErrorStatement(SkippedTokens Skipped, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitErrorStatement(this);

    public override IEnumerable<SyntaxNode> Children() => [Skipped];
}

/// <summary>A plan line with a syntax error.</summary>
public sealed record ErrorPlanLine(SkippedTokens Skipped, SourceSpan Span) : PlanLine(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitErrorPlanLine(this);

    public override IEnumerable<SyntaxNode> Children() => [Skipped];
}
