namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// One method per kind of node. Every consumer of the whole tree (printers, the formatter, the
/// equivalence check, the binder's condition and sequence binding) implements it, so that adding a
/// node kind fails to compile until each of them handles it.
/// </summary>
public interface ISyntaxVisitor<out T> : IConditionVisitor<T>, ISequenceVisitor<T>
{
    T VisitDocument(RegimenDocument node);

    // statements
    T VisitHeader(HeaderStatement node);
    T VisitMetadata(MetadataStatement node);
    T VisitInput(InputStatement node);
    T VisitInputType(InputType node);
    T VisitBlock(BlockStatement node);
    T VisitCycle(CycleStatement node);
    T VisitPhaseBlock(PhaseBlockStatement node);
    T VisitLimit(LimitStatement node);
    T VisitLevels(LevelsStatement node);
    T VisitDoseLevel(DoseLevelSyntax node);
    T VisitPlan(PlanStatement node);
    T VisitPhase(PhaseSyntax node);
    T VisitErrorStatement(ErrorStatement node);
    T VisitErrorPlanLine(ErrorPlanLine node);

    // body lines and their parts
    T VisitInclude(IncludeLine node);
    T VisitAdministration(AdministrationLine node);
    T VisitErrorBodyLine(ErrorBodyLine node);
    T VisitOrder(OrderLine node);
    T VisitOrderTiming(OrderTiming node);
    T VisitAmount(AmountDose node);
    T VisitAuc(AucDose node);
    T VisitRamp(RampDose node);
    T VisitUnit(DoseUnit node);
    T VisitRoute(RouteSyntax node);
    T VisitOver(OverInfusion node);
    T VisitContinuous(ContinuousInfusion node);
    T VisitDuration(DurationSyntax node);
    T VisitFrequency(FrequencySyntax node);
    T VisitDays(DaysSyntax node);
    T VisitDayRange(DayRange node);
    T VisitCap(CapModifier node);
    T VisitRound(RoundModifier node);
    T VisitWhen(WhenModifier node);
    T VisitCycleSelector(CycleSelector node);
    T VisitNote(NoteModifier node);
    T VisitWeekdays(WeekdaysModifier node);
    T VisitAt(AtModifier node);
    T VisitClockTime(ClockTimeSyntax node);
    T VisitLabel(LabelModifier node);
    T VisitTiming(TimingModifier node);
    T VisitAsNeeded(AsNeededModifier node);
    T VisitUntil(UntilModifier node);

    // leaves
    T VisitIdentifier(Identifier node);
    T VisitNumber(NumberLiteral node);
    T VisitString(StringLiteral node);
    T VisitComment(Comment node);
    T VisitSkipped(SkippedTokens node);
}

/// <summary>One method per kind of condition node: for consumers of conditions only (the binder, the evaluator).</summary>
public interface IConditionVisitor<out T>
{
    T VisitFactCondition(FactCondition node);
    T VisitComparison(ComparisonCondition node);
    T VisitQuantity(QuantityValue node);
    T VisitWord(WordValue node);
    T VisitNot(NotCondition node);
    T VisitAnd(AndCondition node);
    T VisitOr(OrCondition node);
    T VisitParenthesizedCondition(ParenthesizedCondition node);
}

/// <summary>One method per kind of plan-sequence node: for consumers of sequences only (the plan binder).</summary>
public interface ISequenceVisitor<out T>
{
    T VisitCycleReference(CycleReference node);
    T VisitThen(ThenSequence node);
    T VisitRepeat(RepeatSequence node);
    T VisitParenthesizedSequence(ParenthesizedSequence node);
    T VisitRest(RestSequence node);
    T VisitBranch(BranchSequence node);
    T VisitOpenRepeat(OpenRepeatSequence node);
}
