using System.Globalization;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// A regimen expanded for a patient as a FHIR R4 Bundle (a collection): the Patient (only what the export knows: the sex), a
/// CarePlan for the whole plan, and one MedicationRequest per administration of the timeline with its computed dose, its date,
/// clock time and infusion time. The requests are drafts of intent "plan": a proposal for review, not an order.
/// Dates and clock times are local (the timeline has no time zone), so the date is the Timing's event and the clock time its
/// timeOfDay, which FHIR allows without a zone; a dateTime with hours would need one we do not know.
/// </summary>
public static class CarePlanBuilder
{
    public static TreeObject Build(Timeline timeline, string key)
    {
        string start = FhirElements.Date(timeline.Patient.Start);
        string bundleKey = $"{key}/{start}";
        string patientUrl = FhirIds.Urn(bundleKey + "/patient");
        var entries = new List<TreeValue>();

        var patient = new TreeObjectBuilder().Add("resourceType", "Patient").Add("id", "patient")
            .Add("text", FhirElements.Narrative([$"The patient of this plan (start {start})."]));
        if (timeline.Patient.Sex is "female" or "male")
        {
            patient.Add("gender", timeline.Patient.Sex);
        }
        entries.Add(Entry(patientUrl, patient.Build()));

        var requests = new List<(string Url, TreeObject Resource)>();
        for (int i = 0; i < timeline.Entries.Length; i++)
        {
            string id = $"administration-{i + 1}";
            requests.Add((FhirIds.Urn($"{bundleKey}/{id}"), MedicationRequest(id, timeline.Entries[i], patientUrl)));
        }

        var carePlan = new TreeObjectBuilder()
            .Add("resourceType", "CarePlan")
            .Add("id", "careplan")
            .Add("text", FhirElements.Narrative([$"{timeline.Title}: {timeline.Entries.Length} administrations from {start}."]))
            .Add("status", "draft")
            .Add("intent", "plan")
            .Add("title", timeline.Title.Length > 0 ? timeline.Title : key)
            .Add("subject", Reference(patientUrl, null));
        if (timeline.Cycles.Length > 0)
        {
            var first = timeline.Patient.Start.AddDays(timeline.Cycles[0].StartDay);
            var last = timeline.Patient.Start.AddDays(timeline.Cycles[^1].StartDay + timeline.Cycles[^1].LengthDays - 1);
            if (timeline.Entries.Length > 0)
            {
                first = first < timeline.Entries[0].Date ? first : timeline.Entries.Min(e => e.Date);
                last = last > timeline.Entries.Max(e => e.Date) ? last : timeline.Entries.Max(e => e.Date);
            }
            carePlan.Add("period", new TreeObjectBuilder().Add("start", FhirElements.Date(first)).Add("end", FhirElements.Date(last)).Build());
        }
        if (requests.Count > 0)
        {
            carePlan.Add("activity", FhirElements.Array(requests.Select((r, i) =>
                (TreeValue)new TreeObjectBuilder().Add("reference", Reference(r.Url, Describe(timeline.Entries[i]))).Build())));
        }
        entries.Add(Entry(FhirIds.Urn(bundleKey + "/careplan"), carePlan.Build()));
        entries.AddRange(requests.Select(r => Entry(r.Url, r.Resource)));

        return new TreeObjectBuilder()
            .Add("resourceType", "Bundle")
            .Add("id", FhirIds.Id($"{key}-{start}"))
            .Add("type", "collection")
            .Add("entry", new TreeArray(entries))
            .Build();
    }

    private static TreeValue Entry(string fullUrl, TreeObject resource) =>
        new TreeObjectBuilder().Add("fullUrl", fullUrl).Add("resource", resource).Build();

    private static TreeObject Reference(string url, string? display) =>
        new TreeObjectBuilder().Add("reference", url).AddIfNotNull("display", display).Build();

    /// <summary>"2026-01-05 08:00 cyclophosphamide 570 mg IV": the activity's display.</summary>
    private static string Describe(TimelineEntry e) =>
        $"{FhirElements.Date(e.Date)} {e.Time.ToString("HH:mm", CultureInfo.InvariantCulture)} {e.Drug} {Units.Format(e.Amount)} {DoseUnit.CanonicalMass(e.Unit)} {e.Route}";

    private static TreeObject MedicationRequest(string id, TimelineEntry e, string patientUrl)
    {
        var request = new TreeObjectBuilder()
            .Add("resourceType", "MedicationRequest")
            .Add("id", id)
            .Add("status", "draft")
            .Add("intent", "plan")
            .Add("medicationCodeableConcept", FhirElements.Text(e.Drug))
            .Add("subject", Reference(patientUrl, null));
        if (e.Notes.Length > 0)
        {
            request.Add("note", FhirElements.Array(e.Notes.Select(n => (TreeValue)FhirElements.Text(n))));
        }
        var repeat = new TreeObjectBuilder().Add("timeOfDay", FhirElements.Array([new TreeScalar(FhirElements.Time(e.Time))]));
        if (e.DurationMinutes is { } minutes)
        {
            repeat.Add("duration", minutes).Add("durationUnit", "min");
        }
        var timing = new TreeObjectBuilder()
            .Add("event", FhirElements.Array([new TreeScalar(FhirElements.Date(e.Date))]))
            .Add("repeat", repeat.Build());
        var dose = FhirElements.Quantity(Units.Display(e.Amount), DoseUnit.CanonicalMass(e.Unit), FhirTerms.UcumMass(e.Unit));
        var dosage = new TreeObjectBuilder()
            .Add("sequence", 1)
            .Add("text", Text(e))
            .Add("timing", timing.Build())
            .Add("route", FhirElements.Route(e.Route));
        if (e.AsNeeded is { } prn)
        {
            dosage.Add("asNeededCodeableConcept", FhirElements.Text(prn.Reason));
        }
        if (e.Infusion.Kind == InfusionKind.Continuous)
        {
            dosage.Add("method", FhirElements.Text("continuous infusion"));
        }
        dosage.Add("doseAndRate", FhirElements.Array([new TreeObjectBuilder().Add("doseQuantity", dose).Build()]));
        request.Add("dosageInstruction", FhirElements.Array([dosage.Build()]));
        return request.Build();
    }

    /// <summary>The administration in words, with what FHIR has no element for: where in the plan, the dose as prescribed, the line it is timed from.</summary>
    private static string Text(TimelineEntry e)
    {
        string text = $"Cycle {e.Cycle} ({e.CycleName}, {e.Phase} cycle {e.PhaseCycle}) day {e.CycleDay}: {e.Drug} {SyntaxPrinter.Print(e.Prescribed)}"
            + $" = {Units.Format(e.Amount)} {DoseUnit.CanonicalMass(e.Unit)} {string.Join(" or ", e.Routes)}";
        if (e.Infusion.Kind == InfusionKind.Over && e.Infusion.Duration is { } over)
        {
            text += " over " + SyntaxPrinter.Print(over);
        }
        if (e.DoseNumber is { } n && e.DoseCount is { } count)
        {
            text += $", dose {n} of {count}";
        }
        if (e.DividedInto is { } parts)
        {
            text += $", the per-day dose divided into {parts}";
        }
        if (e.RampStep is { } step)
        {
            text += $", ramp step {step}";
        }
        if (e.DoseLevel is { } level)
        {
            text += $", dose level {level}";
        }
        foreach (var adjustment in e.Adjustments)
        {
            text += adjustment switch
            {
                Rounded r => $", rounded to {SyntaxPrinter.Print(r.Step)} from {Units.Format(r.From)} {DoseUnit.CanonicalMass(r.Unit)}",
                Capped c => $", capped at {SyntaxPrinter.Print(c.Limit)} from {Units.Format(c.From)} {DoseUnit.CanonicalMass(c.Unit)}",
                GfrCapped g => $", GFR capped at {Units.Format(g.Cap)} mL/min (creatinine clearance {Units.Format(g.Crcl)})",
                _ => "",
            };
        }
        if (e.Anchor is { } anchor)
        {
            string offset = anchor.Offset is { } d ? SyntaxPrinter.Print(d) + " " : "";
            string relation = anchor.Relation == TimingRelation.Before ? "before" : "after";
            string edge = anchor.Edge == AnchorEdge.Starts ? "starts" : "ends";
            text += $", timed {offset}{relation} {anchor.Label ?? anchor.Drug} {edge} (line {anchor.Line})";
        }
        return text + $" (line {e.Line})";
    }
}
