using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Expands a bound regimen for a patient into the day-by-day timeline: plan layout, qualifiers,
/// conditions, doses, clock times and totals. Any error means no timeline: a partial one could be
/// mistaken for the whole plan.
/// </summary>
public static class Evaluator
{
    public static Timeline? Evaluate(BoundRegimen regimen, Patient patient, DiagnosticBag diagnostics)
    {
        int errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var cycles = PlanExpander.Expand(regimen, diagnostics);

        // Each line is judged once: its dose does not depend on the cycle instance, its schedule only on the cycle.
        var doses = new Dictionary<AdministrationLine, DoseResult?>(ReferenceEqualityComparer.Instance);
        var schedules = new Dictionary<(AdministrationLine, string), ImmutableArray<ScheduledDose>?>();
        var conditions = new Dictionary<AdministrationLine, bool?>(ReferenceEqualityComparer.Instance);
        var entries = new List<TimelineEntry>();
        DateTime origin = patient.Start.ToDateTime(patient.FirstDoseTime);

        foreach (var (index, instance, cycle, administration) in GivenLines.Of(regimen, cycles))
        {
            var line = administration.Line;
            if (line.When is { } when)
            {
                if (!conditions.TryGetValue(line, out var holds))
                {
                    holds = Condition(when, patient, regimen, diagnostics);
                    conditions[line] = holds;
                }
                if (holds != true)
                {
                    continue;
                }
            }
            if (!doses.TryGetValue(line, out var dose))
            {
                dose = Dosing.Compute(line, patient, diagnostics);
                doses[line] = dose;
            }
            if (!schedules.TryGetValue((line, cycle.Name), out var schedule))
            {
                schedule = Schedule.Doses(line, cycle.Name, cycle.LengthDays, diagnostics);
                schedules[(line, cycle.Name)] = schedule;
            }
            if (dose is null || schedule is not { } scheduled)
            {
                continue;
            }
            AddEntries(entries, administration, instance, index, dose, scheduled, origin);
        }

        if (diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore)
        {
            return null;
        }

        // Clock order; OrderBy is stable, so simultaneous doses keep the written order of their lines.
        var ordered = entries.OrderBy(e => e.When).ToImmutableArray();
        var (cycleTotals, planTotals) = Totals.Compute(ordered, patient);
        return new Timeline(regimen.Title, regimen.Id, regimen.Document.Path, patient, cycles, ordered, cycleTotals, planTotals);
    }

    private static bool? Condition(WhenModifier when, Patient patient, BoundRegimen regimen, DiagnosticBag diagnostics)
    {
        var missing = ConditionEvaluator.MissingFacts(when.Condition, patient, regimen.Facts).ToList();
        foreach (var fact in missing)
        {
            diagnostics.Add(DiagnosticCatalog.MissingPatientFact, when.Condition.Span, $"the condition 'when {Describe(when.Condition)}'", fact.Name, fact.Flag);
        }
        return missing.Count > 0 ? null : ConditionEvaluator.Evaluate(when.Condition, patient);
    }

    /// <summary>A condition in the words it was written with, for messages.</summary>
    public static string Describe(ConditionSyntax condition) => SyntaxWalk.Text(condition);


    private static void AddEntries(List<TimelineEntry> entries, BoundAdministration administration, CycleInstance instance, int index,
        DoseResult dose, ImmutableArray<ScheduledDose> scheduled, DateTime origin)
    {
        var line = administration.Line;
        var routes = line.Routes.Select(r => r.Route.ToString()).ToImmutableArray();
        string? duration = line.IsContinuous
            ? "24 h"
            : line.Infusion is OverInfusion over ? $"{over.Duration.Amount.Text} {over.Duration.UnitText}" : null;
        var notes = line.Notes.Select(n => n.Text.Value).ToImmutableArray();
        string unit = DoseUnit.CanonicalMass(dose.Unit);
        DateTime cycleStart = origin.AddDays(instance.StartDay);
        foreach (var d in scheduled)
        {
            entries.Add(new TimelineEntry(
                cycleStart.AddHours(d.HoursFromCycleStart),
                instance.StartDay + d.CycleDay,
                index,
                instance.Phase,
                instance.Cycle,
                instance.PhaseCycle,
                instance.CycleName,
                d.CycleDay,
                administration.DrugName,
                routes.IsEmpty ? "" : routes[0],
                routes,
                line.Dose.ToString(),
                dose.Amount,
                unit,
                dose.PrescribedAmount,
                dose.PrescribedUnit,
                duration,
                d.DoseNumber,
                d.DoseCount,
                dose.Adjustments,
                notes,
                line.Span.Line));
        }
    }
}
