using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A clause after the days: cap, round to, when, in cycle(s), from cycle, note.</summary>
public abstract record ModifierSyntax(SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The clause's keyword, as used in "given twice" messages and by the formatter's ordering.</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>cap 2 mg</c>: no single administration exceeds this.</summary>
public sealed record CapModifier(AmountDose Limit, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "cap";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitCap(this);

    public override IEnumerable<SyntaxNode> Children() => [Limit];
}

/// <summary><c>round to 5 mg</c>: dose banding to the nearest multiple.</summary>
public sealed record RoundModifier(AmountDose Step, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "round to";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitRound(this);

    public override IEnumerable<SyntaxNode> Children() => [Step];
}

/// <summary><c>when condition</c></summary>
public sealed record WhenModifier(ConditionSyntax Condition, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "when";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitWhen(this);

    public override IEnumerable<SyntaxNode> Children() => [Condition];
}

/// <summary><c>in cycle 1</c>, <c>in cycles 2-4, 6</c> or <c>from cycle 5</c>: which cycles of the phase give the line.</summary>
public sealed record CycleSelector(ImmutableArray<DayRange> Ranges, bool From, bool Plural, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "in cycle";

    /// <summary>Whether the line is given in the <paramref name="phaseCycle"/>-th cycle of its phase.</summary>
    public bool Includes(int phaseCycle) => From
        ? phaseCycle >= Ranges[0].First
        : Ranges.Any(r => phaseCycle >= r.First && phaseCycle <= r.Last);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitCycleSelector(this);

    public override IEnumerable<SyntaxNode> Children() => Ranges;
}

/// <summary><c>note "text"</c></summary>
public sealed record NoteModifier(StringLiteral Text, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "note";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitNote(this);

    public override IEnumerable<SyntaxNode> Children() => [Text];
}
