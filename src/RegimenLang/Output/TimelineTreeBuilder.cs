using RegimenLang.Semantics.Facts;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output;

/// <summary>
/// The timeline as a tree for the JSON and YAML writers: the stable contract of docs/timeline-json.md
/// (every field there, in this order; names and meanings fixed, amounts as numbers rounded to at most
/// 3 decimals). New fields may be added ("Stability"); none may be renamed, removed or change meaning.
/// </summary>
public static class TimelineTreeBuilder
{
    public static TreeObject Build(Timeline timeline)
    {
        var p = timeline.Patient;
        var patient = new TreeObjectBuilder();
        if (p.Bsa is { } bsa)
        {
            patient.Add("bsa", Units.Display(bsa.Value)).Add("bsaSource", bsa.SourceName);
            patient.AddIfNotNull("bsaUncapped", Display(bsa.Uncapped));
        }
        // Numbers as amounts are shown everywhere in the contract: at most 3 decimals, no trailing zeros (72.50 is 72.5).
        patient.AddIfNotNull("weight", Display(p.WeightKg)).AddIfNotNull("height", Display(p.HeightCm)).AddIfNotNull("age", Display(p.AgeYears))
            .AddIfNotNull("sex", p.Sex).AddIfNotNull("crcl", Display(p.CrclMlPerMin));
        var inputs = new TreeObjectBuilder();
        foreach (var input in p.Inputs.Values.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            inputs.Add(input.Name, input.Value.Flag is { } flag ? flag : input.Value.Number is { } number ? Units.Display(number) : input.Value.Word);
        }
        patient.Add("inputs", inputs.Build());
        if (!p.Prior.IsEmpty)
        {
            var prior = new TreeObjectBuilder();
            foreach (var exposure in p.Prior)
            {
                prior.Add(exposure.Drug, exposure.Dose.ToString());
            }
            patient.Add("prior", prior.Build());
        }

        return new TreeObjectBuilder()
            .Add("regimen", new TreeObjectBuilder().Add("title", timeline.Title).Add("id", timeline.Id).Add("file", timeline.File).Build())
            .AddIfNotNull("findings", timeline.Findings.IsEmpty ? null : new TreeArray([.. timeline.Findings.Select(Finding)]))
            .Add("patient", patient.Build())
            .Add("start", Date(p.Start))
            .Add("firstDoseTime", Time(p.FirstDoseTime))
            .AddIfNotNull("doseLevels", timeline.DoseLevels.IsEmpty ? null : new TreeArray([.. timeline.DoseLevels.Select(DoseLevel)]))
            .AddIfNotNull("asGiven", p.AsGiven.IsEmpty ? null : AsGiven(p.AsGiven))
            // Present (true) only when a repeat is open-ended: the cycles and totals are then the expected course, not a fixed one.
            .AddIfNotNull("openEnded", TimelineText.IsOpenEnded(timeline) ? true : null)
            .Add("cycles", new TreeArray([.. timeline.Cycles.Select(c => Cycle(c, p.Start))]))
            .Add("administrations", new TreeArray([.. timeline.Entries.Select(Entry)]))
            .AddIfNotNull("orders", timeline.Orders.IsEmpty ? null : new TreeArray([.. timeline.Orders.Select(Order)]))
            .Add("totals", new TreeArray([.. timeline.PlanTotals.Select(t => Total(t, null))]))
            .Add("cycleTotals", new TreeArray([.. timeline.CycleTotals.Select(t => Total(t, timeline.Cycles[t.CycleIndex!.Value]))]))
            .AddIfNotNull("classTotals", timeline.ClassTotals.IsEmpty ? null : new TreeArray([.. timeline.ClassTotals.Select(ClassTotal)]))
            .Build();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TreeObject Cycle(CycleInstance c, DateOnly start)
    {
        var b = new TreeObjectBuilder();
        if (c.IsRest)
        {
            b.Add("rest", true);
        }
        else
        {
            b.Add("cycle", c.Cycle).Add("phaseCycle", c.PhaseCycle).Add("cycleName", c.CycleName).AddIfNotNull("title", c.CycleTitle);
        }
        b.Add("phase", c.Phase)
            .Add("start", Date(start.AddDays(c.StartDay)))
            .Add("end", Date(start.AddDays(c.StartDay + c.LengthDays - 1)))
            .Add("planDay", c.StartDay + 1)
            .Add("lengthDays", c.LengthDays)
            .AddIfNotNull("branch", c.Branch);
        if (c.OpenEnded is { } open)
        {
            b.Add("openEnded", new TreeObjectBuilder().Add("until", open.Until).Add("repeat", open.Repeat)
                .AddIfNotNull("expected", open.Expected).AddIfNotNull("atLeast", open.AtLeast).AddIfNotNull("atMost", open.AtMost).Build());
        }
        return b.Build();
    }

    /// <summary>Where an administration or an order stands: the place fields they share, in the contract's order.</summary>
    private static TreeObjectBuilder Place(TreeObjectBuilder b, DateOnly date, int planDay, string phase, int cycle, int phaseCycle, string cycleName,
        int cycleDay, TimeOnly time) =>
        b.Add("date", Date(date))
            .Add("planDay", planDay)
            .Add("phase", phase)
            .Add("cycle", cycle)
            .Add("phaseCycle", phaseCycle)
            .Add("cycleName", cycleName)
            .Add("cycleDay", cycleDay)
            .Add("time", Time(time));

    private static TreeObject Entry(TimelineEntry e) => Place(new TreeObjectBuilder(), e.Date, e.PlanDay, e.Phase, e.Cycle, e.PhaseCycle, e.CycleName, e.CycleDay, e.Time)
        .Add("drug", e.Drug)
        .Add("route", e.Route.ToString())
        .Add("routes", new TreeArray([.. e.Routes.Select(r => new TreeScalar(r.ToString()))]))
        .Add("prescribed", TimelineText.Prescribed(e))
        .Add("amount", Units.Display(e.Amount))
        .Add("unit", TimelineText.Unit(e))
        .Add("duration", TimelineText.Duration(e))
        .Add("doseNumber", e.DoseNumber)
        .Add("doseCount", e.DoseCount)
        .Add("adjustments", new TreeArray([.. e.Adjustments.Select(a => new TreeScalar(TimelineText.Adjustment(a)))]))
        .Add("notes", new TreeArray([.. e.Notes.Select(n => new TreeScalar(n))]))
        .Add("line", e.Line)
        .Add("durationMinutes", e.DurationMinutes)
        .Add("endDate", e.DurationMinutes is null ? null : Date(DateOnly.FromDateTime(e.End)))
        .Add("endTime", e.DurationMinutes is null ? null : Time(TimeOnly.FromDateTime(e.End)))
        .Add("anchor", Anchor(e.Anchor))
        .Add("dividedInto", e.DividedInto)
        .Add("rampStep", e.RampStep)
        .AddIfNotNull("doseLevel", e.DoseLevel)
        .AddIfNotNull("asNeeded", e.AsNeeded is null ? null : true)
        .AddIfNotNull("reason", e.AsNeeded?.Reason)
        .AddIfNotNull("maxPerDay", e.AsNeeded?.MaxPerDay)
        .AddIfNotNull("openEnded", e.Until is { } until ? OpenEnded(until) : null)
        .AddIfNotNull("doseChange", e.DoseChange is { } change ? DoseChange(change) : null)
        .AddIfNotNull("status", e.Status switch { EntryStatus.Given => "given", EntryStatus.Planned => "planned", _ => null })
        .AddIfNotNull("recorded", e.Recorded ? true : null)
        .Build();

    private static TreeObject OpenEnded(EntryUntil until) => new TreeObjectBuilder()
        .Add("until", until.Condition).Add("day", until.Day).AddIfNotNull("expected", until.Expected).Add("atMost", until.AtMost).Build();

    private static TreeObject DoseChange(EntryDoseChange change) => new TreeObjectBuilder()
        .Add("until", change.Event).Add("then", change.Then).AddIfNotNull("eventDate", change.EventDate is { } d ? Date(d) : null).Add("after", change.After).Build();

    /// <summary>A non-drug order: the place fields of an administration, its text, notes and line, and the anchor of a timed one.</summary>
    private static TreeObject Order(TimelineOrder o) =>
        Place(new TreeObjectBuilder().Add("kind", "order"), o.Date, o.PlanDay, o.Phase, o.Cycle, o.PhaseCycle, o.CycleName, o.CycleDay, o.Time)
        .Add("order", o.Text)
        .Add("notes", new TreeArray([.. o.Notes.Select(n => new TreeScalar(n))]))
        .Add("line", o.Line)
        .Add("anchor", Anchor(o.Anchor))
        .Build();

    private static TreeValue Anchor(EntryAnchor? anchor) => anchor is { } a
            ? new TreeObjectBuilder()
                .Add("drug", a.Drug)
                .Add("label", a.Label)
                .Add("line", a.Line)
                .Add("relation", a.Relation == TimingRelation.Before ? "before" : "after")
                .Add("edge", a.Edge == AnchorEdge.Starts ? "starts" : "ends")
                .Add("offsetMinutes", Units.Display(a.Offset?.TotalMinutes ?? 0m))
                .Build()
            : new TreeScalar(null);

    private static TreeObject AsGiven(TreatmentRecord record) => new TreeObjectBuilder()
        .AddIfNotNull("asOf", record.AsOf is { } asOf ? Date(asOf) : null)
        .Add("delays", new TreeArray([.. record.Delays.Select(d => (TreeValue)new TreeObjectBuilder()
            .Add("cycle", d.Cycle).Add("days", d.Days).AddIfNotNull("reason", d.Reason).Build())]))
        .Add("changes", new TreeArray([.. record.Changes.Select(c => (TreeValue)new TreeObjectBuilder()
            .Add("drug", c.Drug).Add("fromCycle", c.FromCycle).AddIfNotNull("level", c.Level).Add("stop", c.Stop).AddIfNotNull("reason", c.Reason).Build())]))
        .Add("doses", new TreeArray([.. record.Doses.Select(g => (TreeValue)new TreeObjectBuilder()
            .Add("drug", g.Drug).Add("cycle", g.Cycle).Add("day", g.Day)
            .Add("given", g.Amount is { } amount ? new TreeScalar(amount.ToString()) : new TreeScalar(null))
            .AddIfNotNull("reason", g.Reason).Build())]))
        .Build();

    private static TreeObject DoseLevel(AppliedDoseLevel l) => new TreeObjectBuilder()
        .Add("drug", l.Drug).Add("level", l.Level).Add("value", l.Value).Add("omitted", l.Omitted).Build();

    private static TreeObject Total(DrugTotal t, CycleInstance? cycle)
    {
        var b = new TreeObjectBuilder();
        if (cycle is not null)
        {
            b.Add("cycle", cycle.Cycle).Add("phase", cycle.Phase).Add("phaseCycle", cycle.PhaseCycle).Add("cycleName", cycle.CycleName);
        }
        b.Add("drug", t.Drug)
            .Add("exposure", t.Intrathecal ? "intrathecal" : "systemic")
            .Add("amount", Units.Display(t.Absolute.Amount))
            .Add("unit", t.Absolute.Unit)
            .Add("administrations", t.Administrations)
            .Add("prescribed", new TreeArray([.. t.Prescribed.Select(Quantity)]));
        if (t.Prior is { } prior)
        {
            b.Add("prior", Quantity(prior));
            b.AddIfNotNull("priorAbsolute", t.PriorAbsolute is { } pa ? Quantity(pa) : null);
            b.AddIfNotNull("cumulative", t.CumulativeAbsolute is { } ca ? Quantity(ca) : null);
            b.AddIfNotNull("cumulativePrescribed", t.CumulativePrescribed is { } cp ? Quantity(cp) : null);
        }
        return b.Build();
    }

    /// <summary>A class total (docs/timeline-json.md, <c>classTotals</c>): optional quantities are null, never left out, except the prior ones.</summary>
    private static TreeObject ClassTotal(Evaluation.ClassTotal t)
    {
        var b = new TreeObjectBuilder()
            .Add("class", t.Class)
            .Add("reference", t.Reference)
            .Add("total", OptionalQuantity(t.Total))
            .Add("totalAbsolute", OptionalQuantity(t.TotalAbsolute))
            .Add("contributions", new TreeArray([.. t.Contributions.Select(c => (TreeValue)new TreeObjectBuilder()
                .Add("drug", c.Drug)
                .Add("factor", c.Factor)
                .Add("counted", c.Counted)
                .Add("administrations", c.Administrations)
                .Add("prescribed", OptionalQuantity(c.Prescribed))
                .Add("absolute", OptionalQuantity(c.Absolute))
                .Add("equivalent", OptionalQuantity(c.Equivalent))
                .Add("equivalentAbsolute", OptionalQuantity(c.EquivalentAbsolute))
                .Build())]));
        if (!t.PriorDrugs.IsEmpty)
        {
            b.Add("priorDrugs", new TreeArray([.. t.PriorDrugs.Select(d => new TreeScalar(d))]))
                .Add("prior", OptionalQuantity(t.Prior))
                .Add("priorAbsolute", OptionalQuantity(t.PriorAbsolute))
                .Add("cumulative", OptionalQuantity(t.Cumulative))
                .Add("cumulativeAbsolute", OptionalQuantity(t.CumulativeAbsolute));
        }
        return b.Add("limit", t.Limit is { } limit
                ? new TreeObjectBuilder().Add("amount", Units.Display(limit.Max.Amount)).Add("unit", limit.Max.Unit).Add("per", "lifetime").Add("source", limit.Source).Build()
                : new TreeScalar(null))
            .Build();
    }

    private static TreeValue OptionalQuantity(Evaluation.Quantity? q) => q is { } value ? Quantity(value) : new TreeScalar(null);

    private static TreeObject Quantity(Evaluation.Quantity q) =>
        new TreeObjectBuilder().Add("amount", Units.Display(q.Amount)).Add("unit", q.Unit).Build();

    private static decimal? Display(decimal? value) => value is { } v ? Units.Display(v) : null;

    /// <summary>A finding printed with the timeline (<c>--allow-errors</c>): where, how bad, its code and its message.</summary>
    private static TreeValue Finding(RegimenLang.Diagnostics.Diagnostic d) => new TreeObjectBuilder()
        .Add("file", d.File).Add("line", d.Span.Line).Add("column", d.Span.Column)
        .Add("severity", d.Severity.ToName()).Add("code", d.Code).Add("message", d.Message).Build();
}
