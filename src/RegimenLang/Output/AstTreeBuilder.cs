using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Output;

/// <summary>
/// Turns the syntax tree into a <see cref="TreeValue"/> for <c>regimen ast</c>. Every node has a
/// <c>kind</c> and a <c>span</c> of [line, column, length]; other fields follow the record's own.
/// Comments are listed at the end. Parts of a line that could not be read appear as <c>skipped</c>
/// tokens; a line with an error has <c>"hasErrors": true</c>. With <paramref name="includeSpans"/> false
/// the output compares trees while ignoring positions.
/// </summary>
public sealed class AstTreeBuilder(bool includeSpans = true) : ISyntaxVisitor<TreeValue>
{
    public static TreeValue Build(RegimenDocument document, bool includeSpans = true) =>
        document.Accept(new AstTreeBuilder(includeSpans));

    private TreeObjectBuilder Node(string kind, SourceSpan span)
    {
        var b = new TreeObjectBuilder().Add("kind", kind);
        if (includeSpans)
        {
            b.Add("span", new TreeArray([new TreeScalar(span.Line), new TreeScalar(span.Column), new TreeScalar(span.Length)]));
        }
        return b;
    }

    private TreeArray List(IEnumerable<SyntaxNode> nodes) => new([.. nodes.Select(n => n.Accept(this))]);

    private TreeValue? Optional(SyntaxNode? node) => node?.Accept(this);

    private TreeObjectBuilder WithSkipped(TreeObjectBuilder b, SkippedTokens skipped) =>
        skipped.IsEmpty ? b : b.Add("skipped", skipped.Accept(this));

    private static string Scope(LimitScope scope) => scope switch
    {
        LimitScope.PerDose => "per dose",
        LimitScope.PerDay => "per day",
        LimitScope.PerCycle => "per cycle",
        LimitScope.Lifetime => "lifetime",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    public TreeValue VisitDocument(RegimenDocument d) =>
        Node("Regimen", d.Span)
            .Add("path", d.Path)
            .Add("statements", List(d.Statements))
            .Add("comments", List(d.Comments))
            .Build();

    public TreeValue VisitHeader(HeaderStatement h) => Node("Header", h.Span).Add("title", h.Title.Value).Build();

    public TreeValue VisitMetadata(MetadataStatement m) =>
        Node("Metadata", m.Span).Add("key", m.Key.Text).Add("value", m.Value).Add("quoted", m.Quoted).Build();

    public TreeValue VisitInput(InputStatement i) =>
        Node("Input", i.Span).Add("name", i.Name.Text).Add("type", i.Type.Kind.ToString().ToLowerInvariant())
            .AddIfNotNull("unit", i.Type.Unit).AddIfNotNull("choices", Choices(i.Type)).AddIfNotNull("description", i.Description?.Value).Build();

    private static TreeArray? Choices(InputType t) => t.Choices.IsEmpty ? null : new TreeArray([.. t.Choices.Select(c => new TreeScalar(c.Text))]);

    public TreeValue VisitInputType(InputType t) =>
        Node("InputType", t.Span).Add("type", t.Kind.ToString().ToLowerInvariant()).AddIfNotNull("unit", t.Unit).AddIfNotNull("choices", Choices(t)).Build();

    public TreeValue VisitBlock(BlockStatement b) =>
        WithSkipped(Node("Block", b.Span).AddIfNotNull("name", b.Name?.Text), b.HeaderSkipped).Add("body", List(b.Body)).Build();

    public TreeValue VisitPhaseBlock(PhaseBlockStatement p) =>
        WithSkipped(Node("PhaseBlock", p.Span).AddIfNotNull("name", p.Name?.Text), p.HeaderSkipped).Add("body", List(p.Body)).Build();

    public TreeValue VisitCycle(CycleStatement c) =>
        WithSkipped(Node("Cycle", c.Span).AddIfNotNull("name", c.Name?.Text).AddIfNotNull("title", c.Title?.Value)
            .AddIfNotNull("length", c.Length?.Value).AddIfNotNull("lengthUnit", c.Length is null ? null : c.LengthUnit.ToString().ToLowerInvariant()), c.HeaderSkipped)
            .Add("body", List(c.Body)).Build();

    public TreeValue VisitLimit(LimitStatement l) =>
        Node("Limit", l.Span).Add("drug", l.Drug.Text).Add("amount", l.Amount.Accept(this)).Add("scope", Scope(l.Scope)).Build();

    public TreeValue VisitLevels(LevelsStatement l) =>
        Node("Levels", l.Span).Add("drug", l.Drug.Text).Add("levels", List(l.Levels)).Build();

    public TreeValue VisitDoseLevel(DoseLevelSyntax l)
    {
        var b = Node("DoseLevel", l.Span).Add("level", l.Level.Value);
        return (l.Dose is { } dose ? b.Add("dose", dose.Accept(this))
            : l.Percent is { } pct ? b.Add("percent", pct.Value)
            : b.Add("omit", true)).Build();
    }

    public TreeValue VisitPlan(PlanStatement p) => WithSkipped(Node("Plan", p.Span), p.HeaderSkipped).Add("phases", List(p.Lines)).Build();

    public TreeValue VisitPhase(PhaseSyntax ph) => Node("Phase", ph.Span).Add("name", ph.Name.Text).Add("sequence", ph.Sequence.Accept(this)).Build();

    public TreeValue VisitErrorStatement(ErrorStatement e) => Node("Error", e.Span).Add("skipped", e.Skipped.Accept(this)).Build();

    public TreeValue VisitErrorPlanLine(ErrorPlanLine e) => Node("Error", e.Span).Add("skipped", e.Skipped.Accept(this)).Build();

    public TreeValue VisitErrorBodyLine(ErrorBodyLine e) => Node("Error", e.Span).Add("skipped", e.Skipped.Accept(this)).Build();

    public TreeValue VisitInclude(IncludeLine i) => Node("Include", i.Span).Add("block", i.Block.Text).Build();

    public TreeValue VisitAdministration(AdministrationLine a)
    {
        var b = Node("Administration", a.Span)
            .Add("drug", a.Drug.Text)
            .AddIfNotNull("dose", Optional(a.Dose))
            .Add("routes", new TreeArray([.. a.Routes.Select(r => new TreeScalar(r.Route.ToString()))]))
            .AddIfNotNull("infusion", Optional(a.Infusion))
            .AddIfNotNull("frequency", Optional(a.Frequency))
            .AddIfNotNull("days", Optional(a.Days))
            .Add("modifiers", List(a.Modifiers));
        if (a.HasErrors)
        {
            b.Add("hasErrors", true);
        }
        return WithSkipped(b, a.Skipped).Build();
    }

    public TreeValue VisitOrder(OrderLine o)
    {
        var b = Node("Order", o.Span)
            .Add("text", o.Text.Value)
            .AddIfNotNull("days", Optional(o.Days))
            .Add("modifiers", List(o.Modifiers));
        if (o.HasErrors)
        {
            b.Add("hasErrors", true);
        }
        return b.Build();
    }

    public TreeValue VisitOrderTiming(OrderTiming t) =>
        Node("OrderTiming", t.Span).Add("relation", t.Relation == TimingRelation.Before ? "before" : "after").Add("anchor", t.Anchor.Text)
            .Add("edge", t.EffectiveEdge == AnchorEdge.Starts ? "starts" : "ends")
            .Add("offsetMinutes", new TreeArray([.. t.Offsets.Select(o => new TreeScalar(o.TotalMinutes))])).Build();

    public TreeValue VisitAmount(AmountDose a) =>
        Node("Dose", a.Span).Add("amount", a.Amount.Value).Add("written", a.Amount.Text)
            .Add("unit", a.Unit.Canonical).Add("unitWritten", a.Unit.ToString()).Build();

    public TreeValue VisitAuc(AucDose auc) => Node("AucDose", auc.Span).Add("auc", auc.Target.Value).Add("written", auc.Target.Text).Build();

    public TreeValue VisitRamp(RampDose r) =>
        Node("RampDose", r.Span).Add("steps", List(r.Steps)).Add("each", r.Each.Value).Add("eachUnit", r.EachInWeeks ? "weeks" : "days").Build();

    public TreeValue VisitUnit(DoseUnit u) => Node("Unit", u.Span).Add("unit", u.Canonical).Add("written", u.ToString()).Build();

    public TreeValue VisitRoute(RouteSyntax r) => Node("Route", r.Span).Add("route", r.Route.ToString()).Build();

    public TreeValue VisitOver(OverInfusion o) =>
        Node("Over", o.Span).Add("amount", o.Duration.Amount.Value).Add("unit", Unit(o.Duration.Unit)).Build();

    public TreeValue VisitContinuous(ContinuousInfusion c) => Node("Continuous", c.Span).Build();

    public TreeValue VisitDuration(DurationSyntax d) =>
        Node("Duration", d.Span).Add("amount", d.Amount.Value).Add("unit", Unit(d.Unit)).Build();

    private static string Unit(TimeUnit unit) => unit switch { TimeUnit.Hours => "h", TimeUnit.Days => "days", _ => "min" };

    public TreeValue VisitFrequency(FrequencySyntax f) =>
        Node("Frequency", f.Span).Add("written", f.Text).Add("kind", f.Kind.ToString().ToLowerInvariant())
            .AddIfNotNull("hours", f.Kind == FrequencyKind.EveryHours ? f.Hours : null)
            .AddIfNotNull("intervalDays", f.IntervalDays > 0 ? f.IntervalDays : null)
            .AddIfNotNull("divided", f.Divided ? true : null)
            .AddIfNotNull("count", f.Count?.Value).Build();

    public TreeValue VisitDays(DaysSyntax d) => Ranges("Days", d.Span, d.Ranges);

    public TreeValue VisitDayRange(DayRange r) => r.To is null
        ? new TreeScalar(r.From.Value)
        : new TreeArray([new TreeScalar(r.From.Value), new TreeScalar(r.To.Value)]);

    private TreeValue Ranges(string kind, SourceSpan span, IEnumerable<DayRange> ranges) =>
        Node(kind, span).Add("ranges", List(ranges)).Build();

    public TreeValue VisitCap(CapModifier c) => Node("Cap", c.Span).Add("limit", c.Limit.Accept(this)).Build();

    public TreeValue VisitRound(RoundModifier r) => Node("RoundTo", r.Span).Add("step", r.Step.Accept(this)).Build();

    public TreeValue VisitWhen(WhenModifier w) => Node("When", w.Span).Add("condition", w.Condition.Accept(this)).Build();

    public TreeValue VisitCycleSelector(CycleSelector s) => s.From
        ? Node("FromCycle", s.Span).Add("cycle", s.Ranges[0].From.Value).Build()
        : Ranges("InCycles", s.Span, s.Ranges);

    public TreeValue VisitNote(NoteModifier n) => Node("Note", n.Span).Add("text", n.Text.Value).Build();

    public TreeValue VisitWeekdays(WeekdaysModifier w) => Node("Weekdays", w.Span).Build();

    public TreeValue VisitAt(AtModifier a) => Node("At", a.Span).Add("times", List(a.Times)).Build();

    public TreeValue VisitClockTime(ClockTimeSyntax t) => new TreeScalar(t.ToString());

    public TreeValue VisitLabel(LabelModifier l) => Node("Label", l.Span).Add("name", l.Name.Text).Build();

    public TreeValue VisitTiming(TimingModifier t) =>
        Node("Timing", t.Span).Add("relation", t.Relation == TimingRelation.Before ? "before" : "after").Add("anchor", t.Anchor.Text)
            .Add("edge", t.EffectiveEdge == AnchorEdge.Starts ? "starts" : "ends")
            .AddIfNotNull("offsetMinutes", t.Offset?.TotalMinutes).Build();

    public TreeValue VisitUntil(UntilModifier u) =>
        Node("Until", u.Span).Add("condition", u.Condition.Accept(this)).AddIfNotNull("expectDays", u.ExpectDays?.Value)
            .AddIfNotNull("atMostDays", u.AtMostDays?.Value).AddIfNotNull("then", u.Then?.Accept(this)).Build();

    public TreeValue VisitAsNeeded(AsNeededModifier p) =>
        Node("AsNeeded", p.Span).Add("reason", p.Reason.Value).AddIfNotNull("maxPerDay", p.MaxPerDay?.Value).Build();

    public TreeValue VisitFactCondition(FactCondition f) => Node("Fact", f.Span).Add("fact", f.Fact.Text).Build();

    public TreeValue VisitComparison(ComparisonCondition c) =>
        Node("Compare", c.Span).Add("fact", c.Fact.Text).Add("operator", c.Operator.Symbol()).Add("value", c.Value.Accept(this)).Build();

    public TreeValue VisitQuantity(QuantityValue q) => Node("Quantity", q.Span).Add("amount", q.Number.Value).AddIfNotNull("unit", q.Unit).Build();

    public TreeValue VisitWord(WordValue w) => Node("Word", w.Span).Add("word", w.Word.Text).Build();

    public TreeValue VisitNot(NotCondition n) => Node("Not", n.Span).Add("operand", n.Operand.Accept(this)).Build();

    public TreeValue VisitAnd(AndCondition a) => Node("And", a.Span).Add("operands", List(a.Operands)).Build();

    public TreeValue VisitOr(OrCondition o) => Node("Or", o.Span).Add("operands", List(o.Operands)).Build();

    public TreeValue VisitParenthesizedCondition(ParenthesizedCondition p) => Node("Parenthesized", p.Span).Add("inner", p.Inner.Accept(this)).Build();

    public TreeValue VisitCycleReference(CycleReference r) => Node("CycleRef", r.Span).Add("cycle", r.Name.Text).Build();

    public TreeValue VisitThen(ThenSequence t) => Node("Then", t.Span).Add("items", List(t.Items)).Build();

    public TreeValue VisitRepeat(RepeatSequence r) => Node("Repeat", r.Span).Add("item", r.Item.Accept(this)).Add("count", r.Count.Value).Build();

    public TreeValue VisitParenthesizedSequence(ParenthesizedSequence p) => Node("Parenthesized", p.Span).Add("inner", p.Inner.Accept(this)).Build();

    public TreeValue VisitRest(RestSequence rest) =>
        Node("Rest", rest.Span).Add("amount", rest.Amount.Value).Add("unit", rest.Unit.ToString().ToLowerInvariant()).Build();

    public TreeValue VisitBranch(BranchSequence b) =>
        Node("Branch", b.Span).Add("then", b.Then.Accept(this)).Add("condition", b.Condition.Accept(this))
            .AddIfNotNull("else", b.Else?.Accept(this)).Build();

    public TreeValue VisitOpenRepeat(OpenRepeatSequence o) =>
        Node("OpenRepeat", o.Span).Add("item", o.Item.Accept(this)).Add("until", o.Event.Text)
            .AddIfNotNull("expect", Bound(o.Expect)).AddIfNotNull("atLeast", Bound(o.AtLeast)).AddIfNotNull("atMost", Bound(o.AtMost)).Build();

    private static TreeValue? Bound(CourseBound? bound) => bound is null
        ? null
        : new TreeObjectBuilder().Add("value", bound.Amount.Value).Add("unit", bound.Unit.ToString().ToLowerInvariant()).Build();

    public TreeValue VisitIdentifier(Identifier i) => Node("Identifier", i.Span).Add("text", i.Text).Build();

    public TreeValue VisitNumber(NumberLiteral n) => Node("Number", n.Span).Add("value", n.Value).Add("written", n.Text).Build();

    public TreeValue VisitString(StringLiteral s) => Node("String", s.Span).Add("value", s.Value).Build();

    public TreeValue VisitComment(Comment c) => Node("Comment", c.Span).Add("text", c.Text).Add("ownLine", c.OwnLine).Build();

    public TreeValue VisitSkipped(SkippedTokens s) =>
        Node("Skipped", s.Span).Add("tokens", new TreeArray([.. s.Tokens.Select(t => new TreeScalar(t.Text))])).Build();
}
