using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A clause after the route other than the infusion, frequency and days: cap, round to, when, in cycle(s), from cycle, note, at, as, before/after.</summary>
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

/// <summary>A clock time <c>HH:MM</c>, 00:00 to 23:59.</summary>
public sealed record ClockTimeSyntax(int Hour, int Minute, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The time as written (<c>7:00</c>), for messages about an impossible one.</summary>
    public string Written { get; init; } = "";

    public bool IsValid => Hour is >= 0 and <= 23 && Minute is >= 0 and <= 59;

    public TimeOnly Time => IsValid ? new(Hour, Minute) : default;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitClockTime(this);

    public override IEnumerable<SyntaxNode> Children() => None;

    public override string ToString() => $"{Hour:00}:{Minute:00}";
}

/// <summary><c>at 07:00</c> or <c>at 08:00, 20:00</c>: the clock times of the line's doses on each of its days.</summary>
public sealed record AtModifier(ImmutableArray<ClockTimeSyntax> Times, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "at";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAt(this);

    public override IEnumerable<SyntaxNode> Children() => Times;
}

/// <summary><c>as mtx-load</c>: a name other lines use to time themselves against this one.</summary>
public sealed record LabelModifier(Identifier Name, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "as";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitLabel(this);

    public override IEnumerable<SyntaxNode> Children() => [Name];
}

public enum TimingRelation
{
    Before,
    After,
}

/// <summary>Which moment of the other line a timing is measured from.</summary>
public enum AnchorEdge
{
    Starts,
    Ends,
}

/// <summary>
/// <c>[from] [30 min] before|after ANCHOR [starts|ends]</c>: the line's first dose of a day is timed from the
/// start or end of another line's dose on that day (<see cref="Anchor"/>: a label given with <c>as</c>, or a drug).
/// <see cref="Edge"/> is null when neither <c>starts</c> nor <c>ends</c> was written: <c>before</c> then means before
/// the start and <c>after</c> after the end (<see cref="EffectiveEdge"/>).
/// </summary>
public sealed record TimingModifier(bool WrittenFrom, DurationSyntax? Offset, TimingRelation Relation, Identifier Anchor, AnchorEdge? Edge, SourceSpan Span)
    : ModifierSyntax(Span)
{
    public override string Keyword => Relation == TimingRelation.Before ? "before" : "after";

    public AnchorEdge EffectiveEdge => Edge ?? (Relation == TimingRelation.Before ? AnchorEdge.Starts : AnchorEdge.Ends);

    /// <summary>Minutes from the anchor's edge, negative before it.</summary>
    public decimal OffsetMinutes => (Offset?.TotalMinutes ?? 0) * (Relation == TimingRelation.Before ? -1 : 1);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitTiming(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Of(Offset), Anchor];
}

/// <summary>
/// <c>prn "reason" (at most N per day)</c>: a dose given as needed, at most <see cref="MaxPerDay"/> times a day on each of the
/// line's days (every day of the cycle or phase when it lists none). The timeline lists it as as-needed and no total counts
/// it as given; the limits count it at its maximum. Without <c>at most</c> the limits cannot be checked (RL3040).
/// </summary>
public sealed record AsNeededModifier(StringLiteral Reason, NumberLiteral? MaxPerDay, SourceSpan Span) : ModifierSyntax(Span)
{
    public override string Keyword => "prn";

    /// <summary>The most doses a day, when written as a whole number from 1 to 24; else null.</summary>
    public int? Max => MaxPerDay is { IsWholeNumber: true, Value: >= 1 and <= 24 } n ? (int)n.Value : null;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAsNeeded(this);

    public override IEnumerable<SyntaxNode> Children() => [Reason, .. Of(MaxPerDay)];
}

/// <summary>
/// <c>until CONDITION (expect N days, at most M days)</c> or <c>until EVENT then DOSE</c> on an administration line. The first
/// form is a lab- or event-driven duration: the line starts on its one listed day and goes on at its frequency for the
/// expected <see cref="ExpectDays"/> in the timeline (the longest, <see cref="AtMostDays"/>, without it) and at most
/// <see cref="AtMostDays"/> for the checker. The second is a dose change on a response event: the line's dose until the
/// event, <see cref="Then"/> from its date on (a patient file's <c>events:</c>). The condition is a future fact: it is shown,
/// never evaluated against the patient.
/// </summary>
public sealed record UntilModifier(ConditionSyntax Condition, NumberLiteral? ExpectDays, NumberLiteral? AtMostDays, AmountDose? Then, SourceSpan Span)
    : ModifierSyntax(Span)
{
    public override string Keyword => "until";

    /// <summary>The duration form (<c>(expect N days, at most M days)</c>), as opposed to the dose change (<c>then DOSE</c>).</summary>
    public bool IsDuration => AtMostDays is not null;

    /// <summary>The longest course in days, when written as a whole number from 1; else null (the parser reports it).</summary>
    public int? Longest => Days(AtMostDays);

    /// <summary>The expected course in days: as written, or the longest without <c>expect</c>.</summary>
    public int? Expected => ExpectDays is null ? Longest : Days(ExpectDays);

    /// <summary>The event of the dose change (<c>cmr</c>): the condition when it is a single word; else null (the checker reports it).</summary>
    public string? Event => Condition is FactCondition fact ? fact.Fact.Text : null;

    private static int? Days(NumberLiteral? n) => n is { IsWholeNumber: true, Value: >= 1 and <= 100_000 } ? (int)n.Value : null;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitUntil(this);

    public override IEnumerable<SyntaxNode> Children() => [Condition, .. Of(ExpectDays, AtMostDays, Then)];
}
