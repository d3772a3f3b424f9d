using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A line inside a block or cycle.</summary>
public abstract record BodyLine(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>include name</c></summary>
public sealed record IncludeLine(Identifier Block, SourceSpan Span) : BodyLine(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitInclude(this);

    public override IEnumerable<SyntaxNode> Children() => [Block];
}

/// <summary>A line of a block or cycle with a syntax error that does not start with a drug name.</summary>
public sealed record ErrorBodyLine(SkippedTokens Skipped, SourceSpan Span) : BodyLine(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitErrorBodyLine(this);

    public override IEnumerable<SyntaxNode> Children() => [Skipped];
}

/// <summary>
/// <c>drug dose route [infusion] [frequency] days [modifiers]</c>. Clauses after the route may be
/// written in any order; the formatter writes them in the canonical order. A line with an error keeps
/// every part that was read (<see cref="HasErrors"/> is then true and the unread rest is in
/// <see cref="Skipped"/>): checks that need only those parts (a forbidden route, notation) still run on it,
/// while the evaluator and the plan-wide checks use only complete lines (<see cref="IsComplete"/>).
/// </summary>
public sealed record AdministrationLine(
    Identifier Drug,
    DoseSyntax? Dose,
    ImmutableArray<RouteSyntax> Routes,
    InfusionSyntax? Infusion,
    FrequencySyntax? Frequency,
    DaysSyntax? Days,
    ImmutableArray<ModifierSyntax> Modifiers,
    SkippedTokens Skipped,
    bool HasErrors,
    SourceSpan Span) : BodyLine(Span)
{
    public CapModifier? Cap => Modifiers.OfType<CapModifier>().FirstOrDefault();
    public RoundModifier? Round => Modifiers.OfType<RoundModifier>().FirstOrDefault();
    public WhenModifier? When => Modifiers.OfType<WhenModifier>().FirstOrDefault();
    public CycleSelector? Cycles => Modifiers.OfType<CycleSelector>().FirstOrDefault();
    public IEnumerable<NoteModifier> Notes => Modifiers.OfType<NoteModifier>();
    public AtModifier? At => Modifiers.OfType<AtModifier>().FirstOrDefault();
    public LabelModifier? Label => Modifiers.OfType<LabelModifier>().FirstOrDefault();
    public TimingModifier? Timing => Modifiers.OfType<TimingModifier>().FirstOrDefault();
    public AsNeededModifier? AsNeeded => Modifiers.OfType<AsNeededModifier>().FirstOrDefault();
    public UntilModifier? Until => Modifiers.OfType<UntilModifier>().FirstOrDefault();

    /// <summary>
    /// Whether the line needs no days clause: its frequency picks its days (<c>every 14 days</c>, <c>throughout</c>),
    /// it follows another line (<c>30 min before rituximab</c>, taking that line's days), it is a ramp (from day 1), or it is
    /// given as needed (<c>prn</c>: every day of the cycle or phase).
    /// </summary>
    public bool DaysOptional => Frequency?.SpansDays == true || Timing is not null || Dose is RampDose || AsNeeded is not null;

    /// <summary>Every part was read and is valid: the line can be scheduled, dosed and counted.</summary>
    public bool IsComplete => !HasErrors && Dose is not null && !Routes.IsEmpty && (Days is not null || DaysOptional);

    /// <summary>A continuous infusion: <c>CIV</c> or the <c>continuous</c> clause.</summary>
    public bool IsContinuous =>
        Infusion is ContinuousInfusion || Routes.Any(r => r.Route == Route.CIV);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAdministration(this);

    public override IEnumerable<SyntaxNode> Children() =>
        [.. Of(Drug, Dose), .. Routes, .. Of(Infusion, Frequency, Days), .. Modifiers, .. Of(Skipped.IsEmpty ? null : Skipped)];
}

public enum Route
{
    IV,
    PO,
    SC,
    IM,
    IT,
    CIV,
}

public sealed record RouteSyntax(Route Route, SourceSpan Span) : SyntaxNode(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitRoute(this);

    public override IEnumerable<SyntaxNode> Children() => None;
}

/// <summary><c>over 3 h</c> or <c>continuous</c>.</summary>
public abstract record InfusionSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record OverInfusion(DurationSyntax Duration, SourceSpan Span) : InfusionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitOver(this);

    public override IEnumerable<SyntaxNode> Children() => [Duration];
}

public sealed record ContinuousInfusion(SourceSpan Span) : InfusionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitContinuous(this);

    public override IEnumerable<SyntaxNode> Children() => None;
}

public enum TimeUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>A duration such as <c>3 h</c> or <c>30 min</c>; <see cref="UnitText"/> as written.</summary>
public sealed record DurationSyntax(NumberLiteral Amount, TimeUnit Unit, string UnitText, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The duration in minutes; saturated for an amount beyond any real value (the parser reports it), so it never overflows.</summary>
    public decimal TotalMinutes => Amount.Value > 1_000_000_000m ? decimal.MaxValue : Unit switch
    {
        TimeUnit.Days => Amount.Value * 24 * 60,
        TimeUnit.Hours => Amount.Value * 60,
        _ => Amount.Value,
    };

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDuration(this);

    public override IEnumerable<SyntaxNode> Children() => [Amount];
}

public enum FrequencyKind
{
    Once,
    Daily,
    Bid,
    Tid,
    Qid,
    EveryHours,
    /// <summary><c>qd</c>: daily, on the do-not-use list.</summary>
    Qd,
    /// <summary><c>qod</c>: every other day, on the do-not-use list.</summary>
    Qod,
    /// <summary><c>weekly</c>: every 7 days.</summary>
    Weekly,
    /// <summary><c>every N days</c> or <c>every N weeks</c> (<see cref="FrequencySyntax.IntervalDays"/>).</summary>
    EveryDays,
    /// <summary><c>throughout</c>: once a day on every day of the cycle or phase.</summary>
    Throughout,
}

/// <summary>
/// <c>once</c>, <c>daily</c>, <c>bid</c>, <c>tid</c>, <c>qid</c>, <c>q&lt;N&gt;h</c>, <c>q&lt;N&gt;h x &lt;count&gt;</c>, <c>weekly</c>,
/// <c>every N days|weeks</c> (optionally <c>x &lt;count&gt;</c>) or <c>throughout</c>; <c>divided</c> before bid, tid, qid or
/// q&lt;N&gt;h splits a per-day dose into that many doses. <see cref="Hours"/> is N for <c>q&lt;N&gt;h</c>; <see cref="Interval"/>
/// the N of <c>every N days|weeks</c> as written and <see cref="IntervalInWeeks"/> its unit; <see cref="Count"/> the <c>x</c> count.
/// </summary>
public sealed record FrequencySyntax(FrequencyKind Kind, string Text, int Hours, NumberLiteral? Count, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary><c>divided</c> was written before the frequency.</summary>
    public bool Divided { get; init; }

    /// <summary>The N of <c>every N days|weeks</c>.</summary>
    public NumberLiteral? Interval { get; init; }

    public bool IntervalInWeeks { get; init; }

    /// <summary>Days between doses for <c>weekly</c> and <c>every N days|weeks</c>; 0 for the others.</summary>
    public int IntervalDays => Kind switch
    {
        FrequencyKind.Weekly => 7,
        FrequencyKind.EveryDays when Interval is { IsWholeNumber: true, Value: >= 1 and <= 100_000 } n => (int)n.Value * (IntervalInWeeks ? 7 : 1),
        _ => 0,
    };

    /// <summary>Whether the frequency picks its own days (every N days, weekly, throughout): the days clause is then optional.</summary>
    public bool SpansDays => Kind is FrequencyKind.Weekly or FrequencyKind.EveryDays or FrequencyKind.Throughout;

    /// <summary>Administrations per listed day, for the frequencies that repeat every day (0 for counted and multi-day ones).</summary>
    public int PerDay => Kind switch
    {
        FrequencyKind.Bid => 2,
        FrequencyKind.Tid => 3,
        FrequencyKind.Qid => 4,
        FrequencyKind.EveryHours when Count is null && Hours > 0 => 24 / Hours,
        FrequencyKind.EveryHours or FrequencyKind.Weekly or FrequencyKind.EveryDays => 0,
        _ => 1,
    };

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitFrequency(this);

    public override IEnumerable<SyntaxNode> Children() => Of(Interval, Count);
}

/// <summary><c>day 4</c>, <c>days 1-3, 8</c>.</summary>
public sealed record DaysSyntax(ImmutableArray<DayRange> Ranges, bool Plural, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Written <c>from day N</c>: the first day of a line that runs until a condition (the same as <c>day N</c>).</summary>
    public bool WrittenFrom { get; init; }

    /// <summary>The listed days in order, without repeats (a reversed or enormous range gives none: the checker reports it).</summary>
    public ImmutableArray<int> Listed =>
        [.. Ranges.SelectMany(r => r.Last >= r.First && (long)r.Last - r.First < 100_000 ? Enumerable.Range(r.First, r.Last - r.First + 1) : []).Distinct().Order()];

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDays(this);

    public override IEnumerable<SyntaxNode> Children() => Ranges;
}

/// <summary>
/// One item of a day or cycle list: a single number (<see cref="To"/> null) or a range, <c>1-3</c> or <c>-6 to -1</c>.
/// Day numbers may be 0 or negative (days before day 1); <see cref="WrittenWithTo"/> says which range form was used.
/// </summary>
public sealed record DayRange(NumberLiteral From, NumberLiteral? To, SourceSpan Span) : SyntaxNode(Span)
{
    public bool WrittenWithTo { get; init; }

    public int First => (int)Math.Clamp(From.Value, int.MinValue, int.MaxValue);
    public int Last => (int)Math.Clamp((To ?? From).Value, int.MinValue, int.MaxValue);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDayRange(this);

    public override IEnumerable<SyntaxNode> Children() => Of(From, To);
}
