using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Output;

/// <summary>
/// Turns the syntax tree into a <see cref="TreeValue"/> for <c>regimen ast</c>. Every node has a
/// <c>kind</c> and a <c>span</c> of [line, column, length]; other fields follow the record's own.
/// Comments are listed at the end. With <paramref name="includeSpans"/> false the output compares
/// trees while ignoring positions (used by the formatter's round-trip property).
/// </summary>
public sealed class AstTreeBuilder(bool includeSpans = true)
{
    public static TreeValue Build(RegimenDocument document, bool includeSpans = true) =>
        new AstTreeBuilder(includeSpans).Document(document);

    private TreeObjectBuilder Node(string kind, SourceSpan span)
    {
        var b = new TreeObjectBuilder().Add("kind", kind);
        if (includeSpans)
        {
            b.Add("span", new TreeArray([new TreeScalar(span.Line), new TreeScalar(span.Column), new TreeScalar(span.Length)]));
        }
        return b;
    }

    private TreeValue Document(RegimenDocument d) =>
        Node("Regimen", d.Span)
            .Add("path", d.Path)
            .Add("statements", List(d.Statements, Statement))
            .Add("comments", List(d.Comments, c => Node("Comment", c.Span).Add("text", c.Text).Add("ownLine", c.OwnLine).Build()))
            .Build();

    private static TreeArray List<T>(IEnumerable<T> items, Func<T, TreeValue> map) => new([.. items.Select(map)]);

    private TreeValue Statement(Statement s) => s switch
    {
        HeaderStatement h => Node("Header", h.Span).Add("title", h.Title.Value).Build(),
        MetadataStatement m => Node("Metadata", m.Span).Add("key", m.Key.Text).Add("value", m.Value).Add("quoted", m.Quoted).Build(),
        InputStatement i => Node("Input", i.Span).Add("name", i.Name.Text).Add("type", i.Type.Kind.ToString().ToLowerInvariant())
            .AddIfNotNull("unit", i.Type.Unit).AddIfNotNull("description", i.Description?.Value).Build(),
        BlockStatement b => Node("Block", b.Span).Add("name", b.Name.Text).Add("body", List(b.Body, BodyLine)).Build(),
        CycleStatement c => Node("Cycle", c.Span).Add("name", c.Name.Text).AddIfNotNull("title", c.Title?.Value)
            .Add("length", c.Length.Value).Add("lengthUnit", c.LengthUnit.ToString().ToLowerInvariant())
            .Add("body", List(c.Body, BodyLine)).Build(),
        LimitStatement l => Node("Limit", l.Span).Add("drug", l.Drug.Text).Add("amount", Dose(l.Amount))
            .Add("scope", l.Scope switch
            {
                LimitScope.PerDose => "per dose",
                LimitScope.PerDay => "per day",
                LimitScope.PerCycle => "per cycle",
                _ => "lifetime",
            }).Build(),
        PlanStatement p => Node("Plan", p.Span)
            .Add("phases", List(p.Phases, ph => Node("Phase", ph.Span).Add("name", ph.Name.Text).Add("sequence", Sequence(ph.Sequence)).Build()))
            .Build(),
        _ => throw new InvalidOperationException($"No tree form for {s.GetType().Name}"),
    };

    private TreeValue BodyLine(BodyLine line) => line switch
    {
        IncludeLine i => Node("Include", i.Span).Add("block", i.Block.Text).Build(),
        AdministrationLine a => Node("Administration", a.Span)
            .Add("drug", a.Drug.Text)
            .Add("dose", Dose(a.Dose))
            .Add("routes", new TreeArray([.. a.Routes.Select(r => new TreeScalar(r.Route.ToString()))]))
            .AddIfNotNull("infusion", a.Infusion is null ? null : Infusion(a.Infusion))
            .AddIfNotNull("frequency", a.Frequency is null ? null : Frequency(a.Frequency))
            .Add("days", Ranges("Days", a.Days.Span, a.Days.Ranges))
            .Add("modifiers", List(a.Modifiers, Modifier))
            .Build(),
        _ => throw new InvalidOperationException($"No tree form for {line.GetType().Name}"),
    };

    private TreeValue Dose(DoseSyntax dose) => dose switch
    {
        AmountDose a => Node("Dose", a.Span).Add("amount", a.Amount.Value).Add("written", a.Amount.Text)
            .Add("unit", a.Unit.Canonical).Add("unitWritten", a.Unit.ToString()).Build(),
        AucDose auc => Node("AucDose", auc.Span).Add("auc", auc.Target.Value).Add("written", auc.Target.Text).Build(),
        _ => throw new InvalidOperationException($"No tree form for {dose.GetType().Name}"),
    };

    private TreeValue Infusion(InfusionSyntax infusion) => infusion switch
    {
        OverInfusion o => Node("Over", o.Span).Add("amount", o.Duration.Amount.Value).Add("unit", o.Duration.Unit == TimeUnit.Hours ? "h" : "min").Build(),
        _ => Node("Continuous", infusion.Span).Build(),
    };

    private TreeValue Frequency(FrequencySyntax f) =>
        Node("Frequency", f.Span).Add("written", f.Text).Add("kind", f.Kind.ToString().ToLowerInvariant())
            .AddIfNotNull("hours", f.Kind == FrequencyKind.EveryHours ? f.Hours : null)
            .AddIfNotNull("count", f.Count?.Value).Build();

    private TreeValue Ranges(string kind, SourceSpan span, IEnumerable<DayRange> ranges) =>
        Node(kind, span).Add("ranges", List(ranges, r => r.To is null
            ? new TreeScalar(r.From.Value)
            : new TreeArray([new TreeScalar(r.From.Value), new TreeScalar(r.To.Value)]))).Build();

    private TreeValue Modifier(ModifierSyntax m) => m switch
    {
        CapModifier c => Node("Cap", c.Span).Add("limit", Dose(c.Limit)).Build(),
        RoundModifier r => Node("RoundTo", r.Span).Add("step", Dose(r.Step)).Build(),
        WhenModifier w => Node("When", w.Span).Add("condition", Condition(w.Condition)).Build(),
        CycleSelector s => s.From
            ? Node("FromCycle", s.Span).Add("cycle", s.Ranges[0].From.Value).Build()
            : Ranges("InCycles", s.Span, s.Ranges),
        NoteModifier n => Node("Note", n.Span).Add("text", n.Text.Value).Build(),
        _ => throw new InvalidOperationException($"No tree form for {m.GetType().Name}"),
    };

    private TreeValue Condition(ConditionSyntax c) => c switch
    {
        FactCondition f => Node("Fact", f.Span).Add("fact", f.Fact.Text).Build(),
        ComparisonCondition cmp => Node("Compare", cmp.Span).Add("fact", cmp.Fact.Text).Add("operator", cmp.Operator.Symbol())
            .Add("value", cmp.Value switch
            {
                QuantityValue q => Node("Quantity", q.Span).Add("amount", q.Number.Value).AddIfNotNull("unit", q.Unit).Build(),
                WordValue w => Node("Word", w.Span).Add("word", w.Word.Text).Build(),
                _ => TreeScalar.Null,
            }).Build(),
        NotCondition n => Node("Not", n.Span).Add("operand", Condition(n.Operand)).Build(),
        AndCondition a => Node("And", a.Span).Add("left", Condition(a.Left)).Add("right", Condition(a.Right)).Build(),
        OrCondition o => Node("Or", o.Span).Add("left", Condition(o.Left)).Add("right", Condition(o.Right)).Build(),
        ParenthesizedCondition p => Node("Parenthesized", p.Span).Add("inner", Condition(p.Inner)).Build(),
        _ => throw new InvalidOperationException($"No tree form for {c.GetType().Name}"),
    };


    private TreeValue Sequence(SequenceSyntax s) => s switch
    {
        CycleReference r => Node("CycleRef", r.Span).Add("cycle", r.Name.Text).Build(),
        ThenSequence t => Node("Then", t.Span).Add("items", List(t.Items, Sequence)).Build(),
        RepeatSequence r => Node("Repeat", r.Span).Add("item", Sequence(r.Item)).Add("count", r.Count.Value).Build(),
        ParenthesizedSequence p => Node("Parenthesized", p.Span).Add("inner", Sequence(p.Inner)).Build(),
        RestSequence rest => Node("Rest", rest.Span).Add("amount", rest.Amount.Value).Add("unit", rest.Unit.ToString().ToLowerInvariant()).Build(),
        _ => throw new InvalidOperationException($"No tree form for {s.GetType().Name}"),
    };
}
