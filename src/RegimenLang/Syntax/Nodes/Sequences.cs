using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A plan sequence: cycles, <c>then</c>, <c>x N</c>, parentheses and <c>rest</c>.</summary>
public abstract record SequenceSyntax(SourceSpan Span) : SyntaxNode(Span)
{
    public abstract T Accept<T>(ISequenceVisitor<T> visitor);
}

/// <summary>A cycle named in a plan.</summary>
public sealed record CycleReference(Identifier Name, SourceSpan Span) : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitCycleReference(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitCycleReference(this);

    public override IEnumerable<SyntaxNode> Children() => [Name];
}

/// <summary><c>a then b then c</c></summary>
public sealed record ThenSequence(ImmutableArray<SequenceSyntax> Items, SourceSpan Span) : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitThen(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitThen(this);

    public override IEnumerable<SyntaxNode> Children() => Items;
}

/// <summary><c>item x count</c></summary>
public sealed record RepeatSequence(SequenceSyntax Item, NumberLiteral Count, SourceSpan Span) : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitRepeat(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitRepeat(this);

    public override IEnumerable<SyntaxNode> Children() => [Item, Count];
}

/// <summary><c>( sequence )</c>, kept so the formatter writes the parentheses the author wrote.</summary>
public sealed record ParenthesizedSequence(SequenceSyntax Inner, SourceSpan Span) : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitParenthesizedSequence(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitParenthesizedSequence(this);

    public override IEnumerable<SyntaxNode> Children() => [Inner];
}

/// <summary><c>rest n days|weeks</c>: a treatment-free gap.</summary>
public sealed record RestSequence(NumberLiteral Amount, LengthUnit Unit, SourceSpan Span) : SequenceSyntax(Span)
{
    /// <summary>The gap in days; 0 when the literal is not a usable whole number (the parser reports it).</summary>
    public int Days => Amount.IsWholeNumber && Amount.Value is >= 1 and <= 100_000
        ? (int)Amount.Value * (Unit == LengthUnit.Weeks ? 7 : 1)
        : 0;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitRest(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitRest(this);

    public override IEnumerable<SyntaxNode> Children() => [Amount];
}

/// <summary>
/// <c>sequence when condition [else sequence]</c>, written inside parentheses: the plan goes on with the first
/// sequence for a patient for whom the condition holds, else with the second (nothing when there is none). The
/// <see cref="Else"/> part may itself be a branch (<c>a when x = 1 else b when x = 2 else c</c>).
/// </summary>
public sealed record BranchSequence(SequenceSyntax Then, ConditionSyntax Condition, SequenceSyntax? Else, SourceSpan Span) : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitBranch(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitBranch(this);

    public override IEnumerable<SyntaxNode> Children() => Else is null ? [Then, Condition] : [Then, Condition, Else];
}

/// <summary>The unit of the bound of an open-ended repeat: a count of repeats, or a duration.</summary>
public enum CourseUnit
{
    Cycles,
    Days,
    Weeks,
    Years,
}

/// <summary>One bound of an open-ended course: an amount of repeats (<c>cycles</c>) or of time (days, weeks, years).</summary>
public sealed record CourseBound(NumberLiteral Amount, CourseUnit Unit)
{
    public bool IsDuration => Unit != CourseUnit.Cycles;
}

/// <summary>
/// <c>item repeat until event (expect n unit, at least n unit, at most n unit)</c>: a course without a fixed count, such as
/// maintenance until progression. At least one bound is written, in that order. <see cref="Expect"/> is the course the
/// timeline shows (else <see cref="AtLeast"/>, else <see cref="AtMost"/>); <see cref="AtMost"/> is the longest course, which
/// the checker checks; without it the course has no maximum (see <c>PlanLayout</c> and the lifetime rule).
/// </summary>
public sealed record OpenRepeatSequence(SequenceSyntax Item, Identifier Event, CourseBound? Expect, CourseBound? AtLeast, CourseBound? AtMost, SourceSpan Span)
    : SequenceSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitOpenRepeat(this);

    public override T Accept<T>(ISequenceVisitor<T> visitor) => visitor.VisitOpenRepeat(this);

    /// <summary>The bounds written, in their fixed order, with the words that introduce them.</summary>
    public IEnumerable<(string Words, CourseBound Bound)> Bounds()
    {
        if (Expect is { } expect)
        {
            yield return ("expect", expect);
        }
        if (AtLeast is { } atLeast)
        {
            yield return ("at least", atLeast);
        }
        if (AtMost is { } atMost)
        {
            yield return ("at most", atMost);
        }
    }

    public override IEnumerable<SyntaxNode> Children() => [Item, Event, .. Bounds().Select(b => b.Bound.Amount)];
}
