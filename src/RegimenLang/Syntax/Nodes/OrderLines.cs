using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// <c>order "text" [days] [at] [timing] [when] [in cycle(s) | from cycle] [note]</c>: a non-drug order (a drug level,
/// a lab, hydration, a lumbar puncture, irradiation) placed on the calendar like an administration but never dosed,
/// counted or checked by the dose rules. Clauses may be written in any order, each at most once. A line with an
/// error in its numbers keeps its parts (<see cref="HasErrors"/>) and is left out of the timeline.
/// </summary>
public sealed record OrderLine(StringLiteral Text, DaysSyntax? Days, ImmutableArray<ModifierSyntax> Modifiers, bool HasErrors, SourceSpan Span)
    : BodyLine(Span)
{
    public WhenModifier? When => Modifiers.OfType<WhenModifier>().FirstOrDefault();
    public CycleSelector? Cycles => Modifiers.OfType<CycleSelector>().FirstOrDefault();
    public IEnumerable<NoteModifier> Notes => Modifiers.OfType<NoteModifier>();
    public AtModifier? At => Modifiers.OfType<AtModifier>().FirstOrDefault();
    public OrderTiming? Timing => Modifiers.OfType<OrderTiming>().FirstOrDefault();
    public WeekdaysModifier? Weekdays => Modifiers.OfType<WeekdaysModifier>().FirstOrDefault();

    /// <summary>Every part was read and is valid: the order can be placed.</summary>
    public bool IsComplete => !HasErrors && (Days is not null || Timing is not null);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitOrder(this);

    public override IEnumerable<SyntaxNode> Children() => [Text, .. Of(Days), .. Modifiers];
}

/// <summary>
/// <c>[24 h, 48 h, 72 h] before|after ANCHOR [starts|ends]</c> on an order: one order at each offset from the start
/// or end of the anchor's first dose of each of its days (an administration's label or drug, as for a timed
/// administration). No offset is the edge itself; <see cref="Edge"/> is null when neither <c>starts</c> nor
/// <c>ends</c> was written (<c>before</c> then means before the start, <c>after</c> after the end).
/// </summary>
public sealed record OrderTiming(ImmutableArray<DurationSyntax> Offsets, TimingRelation Relation, Identifier Anchor, AnchorEdge? Edge, SourceSpan Span)
    : ModifierSyntax(Span)
{
    public override string Keyword => Relation == TimingRelation.Before ? "before" : "after";

    public AnchorEdge EffectiveEdge => Edge ?? (Relation == TimingRelation.Before ? AnchorEdge.Starts : AnchorEdge.Ends);

    /// <summary>Minutes from the anchor's edge of each order, negative before it (one 0 when no offset is written).</summary>
    public IEnumerable<decimal> OffsetMinutes => Offsets.IsEmpty
        ? [0m]
        : Offsets.Select(o => o.TotalMinutes * (Relation == TimingRelation.Before ? -1 : 1));

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitOrderTiming(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Offsets, Anchor];
}

/// <summary>
/// <c>(weekdays)</c> after an order's days: the order is placed only on those of its days that fall on a weekday, Monday to
/// Friday (a course of radiotherapy fractions, clinic visits). Which days those are depends on the start date, so the timeline
/// decides; <c>days 1-12 (weekdays)</c> from a Monday is 10 orders.
/// </summary>
public sealed record WeekdaysModifier(SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "(weekdays)";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitWeekdays(this);

    public override IEnumerable<SyntaxNode> Children() => None;
}
