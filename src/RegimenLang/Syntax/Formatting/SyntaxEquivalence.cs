using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// Whether two trees mean the same: node for node, ignoring positions and the only differences the
/// formatter is allowed to make (modifier order, the case of keywords, frequencies, duration and mass
/// units, a trailing comment moved above its statement). Comments count. A structural comparison (no serialisation), bounded in depth because every
/// tree the parser returns is (<see cref="Parsing.RegimenParser.MaxNesting"/>).
/// </summary>
public sealed class SyntaxEquivalence : ISyntaxVisitor<bool>
{
    private SyntaxNode _other = null!;

    public static bool Equivalent(SyntaxNode? a, SyntaxNode? b) => new SyntaxEquivalence().Same(a, b);

    private bool Same(SyntaxNode? a, SyntaxNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (a.GetType() != b.GetType())
        {
            return false;
        }
        _other = b;
        return a.Accept(this);
    }

    private bool All<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) where T : SyntaxNode
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (int i = 0; i < a.Count; i++)
        {
            if (!Same(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private T Other<T>() where T : SyntaxNode => (T)_other;

    private static bool Text(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool Word(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public bool VisitDocument(RegimenDocument a)
    {
        var b = Other<RegimenDocument>();
        return All(a.Statements, b.Statements) && All(a.Comments, b.Comments);
    }

    public bool VisitHeader(HeaderStatement a) => Same(a.Title, Other<HeaderStatement>().Title);

    public bool VisitMetadata(MetadataStatement a)
    {
        var b = Other<MetadataStatement>();
        return Same(a.Key, b.Key) && Text(a.Value, b.Value) && a.Quoted == b.Quoted;
    }

    public bool VisitInput(InputStatement a)
    {
        var b = Other<InputStatement>();
        return Same(a.Name, b.Name) && Same(a.Type, b.Type) && Same(a.Description, b.Description);
    }

    public bool VisitInputType(InputType a)
    {
        var b = Other<InputType>();
        return a.Kind == b.Kind && a.Unit == b.Unit && All(a.Choices, b.Choices);
    }

    public bool VisitBlock(BlockStatement a)
    {
        var b = Other<BlockStatement>();
        return Same(a.Name, b.Name) && Same(a.HeaderSkipped, b.HeaderSkipped) && All(a.Body, b.Body);
    }

    public bool VisitPhaseBlock(PhaseBlockStatement a)
    {
        var b = Other<PhaseBlockStatement>();
        return Same(a.Name, b.Name) && Same(a.HeaderSkipped, b.HeaderSkipped) && All(a.Body, b.Body);
    }

    public bool VisitCycle(CycleStatement a)
    {
        var b = Other<CycleStatement>();
        return Same(a.Name, b.Name) && Same(a.Title, b.Title) && Same(a.Length, b.Length) && a.LengthUnit == b.LengthUnit
            && Same(a.HeaderSkipped, b.HeaderSkipped) && All(a.Body, b.Body);
    }

    public bool VisitLimit(LimitStatement a)
    {
        var b = Other<LimitStatement>();
        return Same(a.Drug, b.Drug) && Same(a.Amount, b.Amount) && a.Scope == b.Scope;
    }

    public bool VisitLevels(LevelsStatement a)
    {
        var b = Other<LevelsStatement>();
        return Same(a.Drug, b.Drug) && All(a.Levels, b.Levels);
    }

    public bool VisitDoseLevel(DoseLevelSyntax a)
    {
        var b = Other<DoseLevelSyntax>();
        return Same(a.Level, b.Level) && Same(a.Dose, b.Dose) && Same(a.Percent, b.Percent);
    }

    public bool VisitPlan(PlanStatement a)
    {
        var b = Other<PlanStatement>();
        return Same(a.HeaderSkipped, b.HeaderSkipped) && All(a.Lines, b.Lines);
    }

    public bool VisitPhase(PhaseSyntax a)
    {
        var b = Other<PhaseSyntax>();
        return Same(a.Name, b.Name) && Same(a.Sequence, b.Sequence);
    }

    public bool VisitErrorStatement(ErrorStatement a) => Same(a.Skipped, Other<ErrorStatement>().Skipped);

    public bool VisitErrorPlanLine(ErrorPlanLine a) => Same(a.Skipped, Other<ErrorPlanLine>().Skipped);

    public bool VisitErrorBodyLine(ErrorBodyLine a) => Same(a.Skipped, Other<ErrorBodyLine>().Skipped);

    public bool VisitInclude(IncludeLine a) => Same(a.Block, Other<IncludeLine>().Block);

    public bool VisitAdministration(AdministrationLine a)
    {
        var b = Other<AdministrationLine>();
        ImmutableArray<ModifierSyntax> am = [.. ClauseOrder.Sort(a.Modifiers)], bm = [.. ClauseOrder.Sort(b.Modifiers)];
        return a.HasErrors == b.HasErrors && Same(a.Drug, b.Drug) && Same(a.Dose, b.Dose) && All(a.Routes, b.Routes)
            && Same(a.Infusion, b.Infusion) && Same(a.Frequency, b.Frequency) && Same(a.Days, b.Days)
            && All(am, bm) && Same(a.Skipped, b.Skipped);
    }

    public bool VisitOrder(OrderLine a)
    {
        var b = Other<OrderLine>();
        ImmutableArray<ModifierSyntax> am = [.. ClauseOrder.Sort(a.Modifiers)], bm = [.. ClauseOrder.Sort(b.Modifiers)];
        return a.HasErrors == b.HasErrors && Same(a.Text, b.Text) && Same(a.Days, b.Days) && All(am, bm);
    }

    public bool VisitOrderTiming(OrderTiming a)
    {
        var b = Other<OrderTiming>();
        return All(a.Offsets, b.Offsets) && a.Relation == b.Relation && Same(a.Anchor, b.Anchor) && a.Edge == b.Edge;
    }

    public bool VisitAmount(AmountDose a)
    {
        var b = Other<AmountDose>();
        return Same(a.Amount, b.Amount) && Same(a.Unit, b.Unit);
    }

    public bool VisitAuc(AucDose a) => Same(a.Target, Other<AucDose>().Target);

    public bool VisitRamp(RampDose a)
    {
        var b = Other<RampDose>();
        return All(a.Steps, b.Steps) && Same(a.Each, b.Each) && a.EachInWeeks == b.EachInWeeks;
    }

    public bool VisitUnit(DoseUnit a)
    {
        var b = Other<DoseUnit>();
        return a.Mass == b.Mass && a.Basis == b.Basis && a.Rate == b.Rate
            && Text(SyntaxPrinter.CanonicalMassText(a.MassText), SyntaxPrinter.CanonicalMassText(b.MassText));
    }

    public bool VisitRoute(RouteSyntax a) => a.Route == Other<RouteSyntax>().Route;

    public bool VisitOver(OverInfusion a) => Same(a.Duration, Other<OverInfusion>().Duration);

    public bool VisitContinuous(ContinuousInfusion a) => true;

    public bool VisitDuration(DurationSyntax a)
    {
        var b = Other<DurationSyntax>();
        return Same(a.Amount, b.Amount) && a.Unit == b.Unit && Word(a.UnitText, b.UnitText);
    }

    public bool VisitFrequency(FrequencySyntax a)
    {
        var b = Other<FrequencySyntax>();
        return a.Kind == b.Kind && a.Hours == b.Hours && Word(a.Text, b.Text) && Same(a.Count, b.Count)
            && a.Divided == b.Divided && Same(a.Interval, b.Interval) && a.IntervalInWeeks == b.IntervalInWeeks;
    }

    public bool VisitDays(DaysSyntax a)
    {
        var b = Other<DaysSyntax>();
        return a.Plural == b.Plural && a.WrittenFrom == b.WrittenFrom && All(a.Ranges, b.Ranges);
    }

    public bool VisitDayRange(DayRange a)
    {
        var b = Other<DayRange>();
        return Same(a.From, b.From) && Same(a.To, b.To);
    }

    public bool VisitCap(CapModifier a) => Same(a.Limit, Other<CapModifier>().Limit);

    public bool VisitRound(RoundModifier a) => Same(a.Step, Other<RoundModifier>().Step);

    public bool VisitWhen(WhenModifier a) => Same(a.Condition, Other<WhenModifier>().Condition);

    public bool VisitCycleSelector(CycleSelector a)
    {
        var b = Other<CycleSelector>();
        return a.From == b.From && a.Plural == b.Plural && All(a.Ranges, b.Ranges);
    }

    public bool VisitNote(NoteModifier a) => Same(a.Text, Other<NoteModifier>().Text);

    public bool VisitWeekdays(WeekdaysModifier a) => Other<WeekdaysModifier>() is not null;

    public bool VisitAt(AtModifier a) => All(a.Times, Other<AtModifier>().Times);

    public bool VisitClockTime(ClockTimeSyntax a)
    {
        var b = Other<ClockTimeSyntax>();
        return a.Hour == b.Hour && a.Minute == b.Minute;
    }

    public bool VisitLabel(LabelModifier a) => Same(a.Name, Other<LabelModifier>().Name);

    public bool VisitTiming(TimingModifier a)
    {
        var b = Other<TimingModifier>();
        return a.WrittenFrom == b.WrittenFrom && Same(a.Offset, b.Offset) && a.Relation == b.Relation && Same(a.Anchor, b.Anchor) && a.Edge == b.Edge;
    }

    public bool VisitAsNeeded(AsNeededModifier a)
    {
        var b = Other<AsNeededModifier>();
        return Same(a.Reason, b.Reason) && Same(a.MaxPerDay, b.MaxPerDay);
    }

    public bool VisitUntil(UntilModifier a)
    {
        var b = Other<UntilModifier>();
        return Same(a.Condition, b.Condition) && Same(a.ExpectDays, b.ExpectDays) && Same(a.AtMostDays, b.AtMostDays) && Same(a.Then, b.Then);
    }

    public bool VisitFactCondition(FactCondition a) => Same(a.Fact, Other<FactCondition>().Fact);

    public bool VisitComparison(ComparisonCondition a)
    {
        var b = Other<ComparisonCondition>();
        return Same(a.Fact, b.Fact) && a.Operator == b.Operator && Same(a.Value, b.Value);
    }

    public bool VisitQuantity(QuantityValue a)
    {
        var b = Other<QuantityValue>();
        return Same(a.Number, b.Number) && a.Unit == b.Unit;
    }

    public bool VisitWord(WordValue a) => Same(a.Word, Other<WordValue>().Word);

    public bool VisitNot(NotCondition a) => Same(a.Operand, Other<NotCondition>().Operand);

    public bool VisitAnd(AndCondition a) => All(a.Operands, Other<AndCondition>().Operands);

    public bool VisitOr(OrCondition a) => All(a.Operands, Other<OrCondition>().Operands);

    public bool VisitParenthesizedCondition(ParenthesizedCondition a) => Same(a.Inner, Other<ParenthesizedCondition>().Inner);

    public bool VisitCycleReference(CycleReference a) => Same(a.Name, Other<CycleReference>().Name);

    public bool VisitThen(ThenSequence a) => All(a.Items, Other<ThenSequence>().Items);

    public bool VisitRepeat(RepeatSequence a)
    {
        var b = Other<RepeatSequence>();
        return Same(a.Item, b.Item) && Same(a.Count, b.Count);
    }

    public bool VisitParenthesizedSequence(ParenthesizedSequence a) => Same(a.Inner, Other<ParenthesizedSequence>().Inner);

    public bool VisitRest(RestSequence a)
    {
        var b = Other<RestSequence>();
        return Same(a.Amount, b.Amount) && a.Unit == b.Unit;
    }

    public bool VisitBranch(BranchSequence a)
    {
        var b = Other<BranchSequence>();
        return Same(a.Then, b.Then) && Same(a.Condition, b.Condition) && (a.Else is null ? b.Else is null : b.Else is not null && Same(a.Else, b.Else));
    }

    public bool VisitOpenRepeat(OpenRepeatSequence a)
    {
        var b = Other<OpenRepeatSequence>();
        return Same(a.Item, b.Item) && Same(a.Event, b.Event) && SameBound(a.Expect, b.Expect) && SameBound(a.AtLeast, b.AtLeast)
            && SameBound(a.AtMost, b.AtMost);
    }

    private bool SameBound(CourseBound? a, CourseBound? b) =>
        a is null ? b is null : b is not null && a.Unit == b.Unit && Same(a.Amount, b.Amount);

    public bool VisitIdentifier(Identifier a) => Text(a.Text, Other<Identifier>().Text);

    public bool VisitNumber(NumberLiteral a)
    {
        var b = Other<NumberLiteral>();
        return a.Value == b.Value && Text(a.Text, b.Text);
    }

    public bool VisitString(StringLiteral a) => Text(a.Value, Other<StringLiteral>().Value);

    public bool VisitComment(Comment a)
    {
        var b = Other<Comment>();
        // The layout moves a trailing comment that would make its line too long above the statement; never a
        // suppression directive, which acts only on a line of its own (DocumentLayout).
        bool samePlace = a.OwnLine == b.OwnLine || (!a.OwnLine && SuppressionDirective.Read(a.Text) is null);
        return samePlace && a.Source.Span.SequenceEqual(b.Source.Span);
    }

    public bool VisitSkipped(SkippedTokens a)
    {
        var b = Other<SkippedTokens>();
        return a.Tokens.Length == b.Tokens.Length && a.Tokens.Zip(b.Tokens).All(p => p.First.Kind == p.Second.Kind && Text(p.First.Text, p.Second.Text));
    }
}
