using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// An administration line as FHIR Dosage and Timing (without a patient): the dose as a quantity or a rate, the route, the
/// infusion time, the frequency, clock times, notes and a cap; what has no element is in the dosage's text (the line as written
/// in canonical form) and is reported by <see cref="FhirExportWarnings"/>.
/// </summary>
public static class FhirDosage
{
    /// <summary>One Dosage per route written (<c>IV or PO</c> gives two, with the same sequence number).</summary>
    public static IEnumerable<TreeValue> Of(BoundAdministration administration)
    {
        var line = administration.Line;
        foreach (var route in line.Routes)
        {
            var dosage = new TreeObjectBuilder()
                .Add("sequence", 1)
                .Add("text", SyntaxPrinter.Print(line));
            var notes = line.Notes.Select(n => (TreeValue)FhirElements.Text(n.Text.Value)).ToList();
            if (notes.Count > 0)
            {
                dosage.Add("additionalInstruction", new TreeArray(notes));
            }
            dosage.Add("timing", Timing(line));
            if (line.AsNeeded is { } prn)
            {
                dosage.Add("asNeededCodeableConcept", FhirElements.Text(prn.Reason.Value));
            }
            dosage.Add("route", FhirElements.Route(route.Route));
            if (line.IsContinuous)
            {
                dosage.Add("method", FhirElements.Text("continuous infusion"));
            }
            if (line.Dose is AmountDose amount)
            {
                var rate = new TreeObjectBuilder().Add(amount.Unit.Rate == DoseRate.None ? "doseQuantity" : "rateQuantity", FhirElements.Quantity(amount));
                dosage.Add("doseAndRate", FhirElements.Array([rate.Build()]));
            }
            if (CapAsMaximum(line) is { } cap)
            {
                dosage.Add("maxDosePerAdministration", FhirElements.Quantity(cap));
            }
            yield return dosage.Build();
        }
    }

    /// <summary>The cap as <c>maxDosePerAdministration</c>: an absolute amount of one administration, of the dose's kind of unit.</summary>
    public static AmountDose? CapAsMaximum(AdministrationLine line) =>
        line.Cap is { Limit: var limit } && limit.Unit is { Basis: DoseBasis.Flat, Rate: DoseRate.None }
            && line.Dose is AmountDose { Unit.Rate: DoseRate.None } dose && (dose.Unit.Mass == MassUnit.Unit) == (limit.Unit.Mass == MassUnit.Unit)
            ? limit
            : null;

    /// <summary>The repeat of a line: frequency and period, count, infusion duration and clock times.</summary>
    public static TreeObject Timing(AdministrationLine line)
    {
        var repeat = new TreeObjectBuilder();
        var frequency = line.Frequency;
        if (frequency?.Count is { IsWholeNumber: true } count)
        {
            repeat.Add("count", (int)count.Value);
        }
        else if (frequency?.Kind == FrequencyKind.Once)
        {
            repeat.Add("count", 1);
        }
        if (line.Infusion is OverInfusion over)
        {
            repeat.Add("duration", over.Duration.Amount.Value).Add("durationUnit", FhirTerms.TimeUnit(over.Duration.Unit));
        }
        else if (line.IsContinuous)
        {
            repeat.Add("duration", 24).Add("durationUnit", "h");
        }
        var (times, period, unit) = frequency?.Kind switch
        {
            FrequencyKind.Bid => (2, 1, "d"),
            FrequencyKind.Tid => (3, 1, "d"),
            FrequencyKind.Qid => (4, 1, "d"),
            FrequencyKind.EveryHours => (1, frequency.Hours, "h"),
            FrequencyKind.Qod => (1, 2, "d"),
            FrequencyKind.Weekly => (1, 1, "wk"),
            FrequencyKind.EveryDays => (1, frequency.IntervalDays, "d"),
            _ => (1, 1, "d"),
        };
        repeat.Add("frequency", times).Add("period", period).Add("periodUnit", unit);
        if (line.At is { } at)
        {
            repeat.Add("timeOfDay", FhirElements.Array(at.Times.Where(t => t.IsValid).Select(t => (TreeValue)new TreeScalar(FhirElements.Time(t.Time)))));
        }
        return new TreeObjectBuilder().Add("repeat", repeat.Build()).Build();
    }
}
