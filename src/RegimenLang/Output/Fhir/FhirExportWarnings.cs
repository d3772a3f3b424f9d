using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// What the FHIR export cannot carry losslessly, as RL7xxx warnings at the line each construct comes from. A visitor of every
/// node kind, so a new kind of node does not compile until it is decided here whether FHIR carries it (docs/fhir.md has the
/// table). Without a patient the PlanDefinition carries rules; with one, the CarePlan carries computed administrations, so
/// the rules that only compute a dose (AUC, ramp, divided, rounding, conditions, days before day 1) are resolved and not
/// reported, while what a receiver would need to change the plan later (timing links, dose levels, limits) still is.
/// </summary>
public sealed class FhirExportWarnings : ISyntaxVisitor<IEnumerable<Diagnostic>>
{
    private static readonly string[] MappedMetadata = ["id", "indication", "population", "version", "author", "status", "source"];

    private readonly SemanticModel _model;
    private readonly Timeline? _timeline;
    private readonly ImmutableHashSet<int> _givenLines;
    private readonly ImmutableHashSet<int> _anchoredLines;
    private readonly Dictionary<AdministrationLine, BoundAnchor> _anchors = new(ReferenceEqualityComparer.Instance);

    private FhirExportWarnings(SemanticModel model, Timeline? timeline)
    {
        _model = model;
        _timeline = timeline;
        _givenLines = timeline is null ? [] : [.. timeline.Entries.Select(e => e.Line)];
        _anchoredLines = timeline is null ? [] : [.. timeline.Entries.Where(e => e.Anchor is not null).Select(e => e.Line)];
        // A line of a block included in several cycles is bound once per cycle: the binding with the most candidates counts,
        // whatever order the cycles are in (the dictionaries' order is not the file's).
        foreach (var line in model.Cycles.Values.SelectMany(c => c.Lines).Concat(model.PhaseBlocks.Values.SelectMany(p => p.Lines)))
        {
            if (line.Anchor is { } anchor && (!_anchors.TryGetValue(line.Line, out var known) || anchor.Candidates.Length > known.Candidates.Length))
            {
                _anchors[line.Line] = anchor;
            }
        }
    }

    /// <summary>The warnings of the PlanDefinition export (no patient).</summary>
    public static IReadOnlyList<Diagnostic> ForPlan(SemanticModel model) => Collect(new FhirExportWarnings(model, null));

    /// <summary>The warnings of the CarePlan export of <paramref name="timeline"/>: only lines that give an administration count.</summary>
    public static IReadOnlyList<Diagnostic> ForPatient(SemanticModel model, Timeline timeline) => Collect(new FhirExportWarnings(model, timeline));

    private static List<Diagnostic> Collect(FhirExportWarnings visitor) =>
        [.. visitor._model.Document.Accept(visitor).Select(d => d with { File = visitor._model.Path }).OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)];

    private bool WithoutPatient => _timeline is null;

    private IEnumerable<Diagnostic> All(IEnumerable<SyntaxNode> nodes) => nodes.SelectMany(n => n.Accept(this));

    private static IEnumerable<Diagnostic> None => [];

    public IEnumerable<Diagnostic> VisitDocument(RegimenDocument node) =>
        All(node.Statements).Concat(All(node.Comments));

    public IEnumerable<Diagnostic> VisitHeader(HeaderStatement node) => None;

    public IEnumerable<Diagnostic> VisitMetadata(MetadataStatement node)
    {
        if (!MappedMetadata.Contains(node.Key.Text.ToLowerInvariant()))
        {
            return [Diagnose.ExportMetadata(node.Key.Span, node.Key.Text)];
        }
        return string.Equals(node.Key.Text, "status", StringComparison.OrdinalIgnoreCase) && !PlanDefinitionBuilder.IsFhirStatus(node.Value)
            ? [Diagnose.ExportStatus(node.ValueSpan, node.Value.Trim())]
            : None;
    }

    public IEnumerable<Diagnostic> VisitInput(InputStatement node) =>
        WithoutPatient ? [Diagnose.ExportInput(node.Name.Span, node.Name.Text, node.Type.Kind.ToString().ToLowerInvariant())] : None;

    public IEnumerable<Diagnostic> VisitInputType(InputType node) => None;

    public IEnumerable<Diagnostic> VisitBlock(BlockStatement node) => All(node.Body);

    public IEnumerable<Diagnostic> VisitCycle(CycleStatement node) => All(node.Body);

    public IEnumerable<Diagnostic> VisitPhaseBlock(PhaseBlockStatement node) =>
        WithoutPatient && node.Name is { } name && node.Body.OfType<AdministrationLine>().Any()
            ? [Diagnose.ExportPhaseBlock(name.Span, name.Text), .. All(node.Body)]
            : All(node.Body);

    public IEnumerable<Diagnostic> VisitLimit(LimitStatement node) =>
        [Diagnose.ExportLimit(node.Span, node.Drug.Text, SyntaxPrinter.Print(node.Amount), Scope(node.Scope))];

    public IEnumerable<Diagnostic> VisitLevels(LevelsStatement node)
    {
        string drug = _model.Formulary.Find(node.Drug.Text)?.Name ?? node.Drug.Text;
        int level = _timeline?.Patient.DoseLevelOf(drug) ?? 0;
        return [Diagnose.ExportDoseLevels(node.Drug.Span, drug, level)];
    }

    public IEnumerable<Diagnostic> VisitDoseLevel(DoseLevelSyntax node) => None;

    public IEnumerable<Diagnostic> VisitPlan(PlanStatement node) => All(node.Children());

    public IEnumerable<Diagnostic> VisitPhase(PhaseSyntax node) => All(node.Children());

    public IEnumerable<Diagnostic> VisitErrorStatement(ErrorStatement node) => None;

    public IEnumerable<Diagnostic> VisitErrorPlanLine(ErrorPlanLine node) => None;

    public IEnumerable<Diagnostic> VisitInclude(IncludeLine node) => None;

    public IEnumerable<Diagnostic> VisitAdministration(AdministrationLine node)
    {
        if (!WithoutPatient && !_givenLines.Contains(node.Span.Line))
        {
            return None; // not given to this patient: nothing of it is exported
        }
        var found = new List<Diagnostic>();
        if (node.Routes.Length > 1)
        {
            found.Add(Diagnose.ExportRouteChoice(node.Routes[0].Span.Through(node.Routes[^1].Span), string.Join(" or ", node.Routes.Select(r => r.Route))));
        }
        if (WithoutPatient && node.Timing is { } timing && _anchors.GetValueOrDefault(node) is { ByLabel: false, Candidates.Length: > 1 } anchor)
        {
            found.Add(Diagnose.ExportAmbiguousAnchor(timing.Span, SyntaxPrinter.Print(timing), timing.Anchor.Text, anchor.Candidates.Length));
        }
        if (WithoutPatient && node.Cap is { } cap && FhirDosage.CapAsMaximum(node) is null)
        {
            found.Add(Diagnose.ExportCapAsText(cap.Span, SyntaxPrinter.Print(cap.Limit)));
        }
        return found.Concat(All([.. Part(node.Dose), .. Part(node.Frequency), .. Part(node.Days), .. node.Modifiers]));
    }

    private static IEnumerable<SyntaxNode> Part(SyntaxNode? node) => node is null ? [] : [node];

    public IEnumerable<Diagnostic> VisitErrorBodyLine(ErrorBodyLine node) => None;

    public IEnumerable<Diagnostic> VisitAmount(AmountDose node) => None;

    public IEnumerable<Diagnostic> VisitAuc(AucDose node) => WithoutPatient ? [Diagnose.ExportAucDose(node.Span, SyntaxPrinter.Print(node))] : None;

    public IEnumerable<Diagnostic> VisitRamp(RampDose node) => WithoutPatient ? [Diagnose.ExportRamp(node.Span, SyntaxPrinter.Print(node))] : None;

    public IEnumerable<Diagnostic> VisitUnit(DoseUnit node) => None;

    public IEnumerable<Diagnostic> VisitRoute(RouteSyntax node) => None;

    public IEnumerable<Diagnostic> VisitOver(OverInfusion node) => None;

    public IEnumerable<Diagnostic> VisitContinuous(ContinuousInfusion node) => None;

    public IEnumerable<Diagnostic> VisitDuration(DurationSyntax node) => None;

    public IEnumerable<Diagnostic> VisitFrequency(FrequencySyntax node) =>
        WithoutPatient && node.Divided ? [Diagnose.ExportDividedDose(node.Span, node.Text, Math.Max(node.PerDay, 1))] : None;

    public IEnumerable<Diagnostic> VisitDays(DaysSyntax node)
    {
        var before = node.Listed.Where(d => d < 1).ToList();
        if (!WithoutPatient || before.Count == 0)
        {
            return None;
        }
        string days = before.Count == 1 ? $"day {before[0]} is" : $"days {string.Join(", ", before)} are";
        return [Diagnose.ExportDayBeforeCycle(node.Span, days)];
    }

    public IEnumerable<Diagnostic> VisitDayRange(DayRange node) => None;

    public IEnumerable<Diagnostic> VisitCap(CapModifier node) => None; // decided with the dose, in VisitAdministration

    public IEnumerable<Diagnostic> VisitRound(RoundModifier node) =>
        WithoutPatient ? [Diagnose.ExportRounding(node.Span, SyntaxPrinter.Print(node.Step))] : None;

    public IEnumerable<Diagnostic> VisitWhen(WhenModifier node) =>
        WithoutPatient ? [Diagnose.ExportCondition(node.Span, SyntaxPrinter.Condition(node.Condition))] : None;

    public IEnumerable<Diagnostic> VisitCycleSelector(CycleSelector node) => None;

    public IEnumerable<Diagnostic> VisitNote(NoteModifier node) => None;

    public IEnumerable<Diagnostic> VisitAt(AtModifier node) => None;

    public IEnumerable<Diagnostic> VisitClockTime(ClockTimeSyntax node) => None;

    public IEnumerable<Diagnostic> VisitLabel(LabelModifier node) => None;

    public IEnumerable<Diagnostic> VisitTiming(TimingModifier node) =>
        !WithoutPatient && _anchoredLines.Contains(node.Span.Line)
            ? [Diagnose.ExportRelativeTiming(node.Span, SyntaxPrinter.Print(node), node.Anchor.Text)]
            : None;

    public IEnumerable<Diagnostic> VisitIdentifier(Identifier node) => None;

    public IEnumerable<Diagnostic> VisitNumber(NumberLiteral node) => None;

    public IEnumerable<Diagnostic> VisitString(StringLiteral node) => None;

    public IEnumerable<Diagnostic> VisitComment(Comment node) =>
        SuppressionDirective.Read(node.Text) is { } directive ? [Diagnose.ExportSuppression(node.Span, string.Join(", ", directive.Codes))] : None;

    public IEnumerable<Diagnostic> VisitSkipped(SkippedTokens node) => None;

    public IEnumerable<Diagnostic> VisitFactCondition(FactCondition node) => None;

    public IEnumerable<Diagnostic> VisitComparison(ComparisonCondition node) => None;

    public IEnumerable<Diagnostic> VisitQuantity(QuantityValue node) => None;

    public IEnumerable<Diagnostic> VisitWord(WordValue node) => None;

    public IEnumerable<Diagnostic> VisitNot(NotCondition node) => None;

    public IEnumerable<Diagnostic> VisitAnd(AndCondition node) => None;

    public IEnumerable<Diagnostic> VisitOr(OrCondition node) => None;

    public IEnumerable<Diagnostic> VisitParenthesizedCondition(ParenthesizedCondition node) => None;

    public IEnumerable<Diagnostic> VisitCycleReference(CycleReference node) => None;

    public IEnumerable<Diagnostic> VisitThen(ThenSequence node) => All(node.Children());

    public IEnumerable<Diagnostic> VisitRepeat(RepeatSequence node) => All(node.Children());

    // Without a patient the PlanDefinition takes the first alternative; with one, the CarePlan follows the patient's way.
    public IEnumerable<Diagnostic> VisitBranch(BranchSequence node) =>
        WithoutPatient ? [Diagnose.ExportPlanBranch(node.Condition.Span, SyntaxPrinter.Condition(node.Condition)), .. All(node.Children())] : All(node.Children());

    public IEnumerable<Diagnostic> VisitOpenRepeat(OpenRepeatSequence node) =>
        [Diagnose.ExportOpenEnded(node.Event.Span, node.Event.Text,
            string.Join(", ", node.Bounds().Select(b => $"{b.Words} {SyntaxPrinter.Bound(b.Bound)}")),
            node.Expect is not null ? "the expected course" : node.AtLeast is not null ? "the shortest course" : "the longest course"),
            .. All(node.Children())];

    public IEnumerable<Diagnostic> VisitOrder(OrderLine node) => [Diagnose.ExportOrder(node.Text.Span, node.Text.Value)];

    public IEnumerable<Diagnostic> VisitOrderTiming(OrderTiming node) => None;

    public IEnumerable<Diagnostic> VisitWeekdays(WeekdaysModifier node) => None; // on an order, which RL7017 already reports

    // Without a maximum (RL3040, or silenced with a reason) nothing is left out of the Dosage: no warning.
    public IEnumerable<Diagnostic> VisitAsNeeded(AsNeededModifier node) =>
        node.MaxPerDay is { } max ? [Diagnose.ExportAsNeeded(node.Span, node.Reason.Value, $" (at most {max.Text} per day)")] : None;

    // With a patient the timeline already gives each request the dose of its date; the duration is laid out at its expected course either way.
    public IEnumerable<Diagnostic> VisitUntil(UntilModifier node) =>
        node.Then is { } then
            ? WithoutPatient ? [Diagnose.ExportDoseChange(node.Span, SyntaxPrinter.Condition(node.Condition), SyntaxPrinter.Print(then))] : None
            : [Diagnose.ExportUntilDuration(node.Span, SyntaxPrinter.Condition(node.Condition),
                node.ExpectDays is { } expect ? $"{expect.Text} days expected" : $"the longest, at most {node.AtMostDays!.Text} days")];

    public IEnumerable<Diagnostic> VisitParenthesizedSequence(ParenthesizedSequence node) => All(node.Children());

    public IEnumerable<Diagnostic> VisitRest(RestSequence node) => None;

    private static string Scope(LimitScope scope) => scope switch
    {
        LimitScope.PerDose => "per dose",
        LimitScope.PerDay => "per day",
        LimitScope.PerCycle => "per cycle",
        _ => "lifetime",
    };
}
