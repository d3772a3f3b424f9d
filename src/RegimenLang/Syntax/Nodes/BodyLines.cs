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

    /// <summary>Every part was read and is valid: the line can be scheduled, dosed and counted.</summary>
    public bool IsComplete => !HasErrors && Dose is not null && !Routes.IsEmpty && Days is not null;

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
}

/// <summary>A duration such as <c>3 h</c> or <c>30 min</c>; <see cref="UnitText"/> as written.</summary>
public sealed record DurationSyntax(NumberLiteral Amount, TimeUnit Unit, string UnitText, SourceSpan Span) : SyntaxNode(Span)
{
    public decimal TotalMinutes => Unit == TimeUnit.Hours ? Amount.Value * 60 : Amount.Value;

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
}

/// <summary>
/// <c>once</c>, <c>daily</c>, <c>bid</c>, <c>tid</c>, <c>qid</c>, <c>q&lt;N&gt;h</c> or <c>q&lt;N&gt;h x &lt;count&gt;</c>.
/// <see cref="Hours"/> is N for <c>q&lt;N&gt;h</c>; <see cref="Count"/> the <c>x</c> count.
/// </summary>
public sealed record FrequencySyntax(FrequencyKind Kind, string Text, int Hours, NumberLiteral? Count, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Administrations per listed day, for the frequencies that repeat every day (0 for <c>q&lt;N&gt;h x n</c>).</summary>
    public int PerDay => Kind switch
    {
        FrequencyKind.Bid => 2,
        FrequencyKind.Tid => 3,
        FrequencyKind.Qid => 4,
        FrequencyKind.EveryHours when Count is null && Hours > 0 => 24 / Hours,
        FrequencyKind.EveryHours => 0,
        _ => 1,
    };

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitFrequency(this);

    public override IEnumerable<SyntaxNode> Children() => Of(Count);
}

/// <summary><c>day 4</c>, <c>days 1-3, 8</c>.</summary>
public sealed record DaysSyntax(ImmutableArray<DayRange> Ranges, bool Plural, SourceSpan Span) : SyntaxNode(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDays(this);

    public override IEnumerable<SyntaxNode> Children() => Ranges;
}

/// <summary>One item of a day or cycle list: a single number (<see cref="To"/> null) or a range.</summary>
public sealed record DayRange(NumberLiteral From, NumberLiteral? To, SourceSpan Span) : SyntaxNode(Span)
{
    public int First => (int)Math.Clamp(From.Value, int.MinValue, int.MaxValue);
    public int Last => (int)Math.Clamp((To ?? From).Value, int.MinValue, int.MaxValue);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDayRange(this);

    public override IEnumerable<SyntaxNode> Children() => Of(From, To);
}
