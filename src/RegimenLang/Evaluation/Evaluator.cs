using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>What expanding a regimen gave: the timeline, or why not (findings of its own, RL6xxx, or a refusal).</summary>
/// <param name="Refusal">Why nothing was laid out when the reason is the regimen itself (no plan, an incomplete or too large plan,
/// a line the checker reports): the caller checks the regimen first and reports those findings.</param>
public sealed record EvaluationResult(Timeline? Timeline, IReadOnlyList<Diagnostic> Diagnostics, LayoutRefusal? Refusal, bool ScheduleRefused);

/// <summary>
/// Expands a bound regimen for a patient into the day-by-day timeline: plan layout, qualifiers,
/// conditions, doses, clock times and totals. Any problem means no timeline: a partial one could be
/// mistaken for the whole plan. The evaluator reports only its own codes (RL6xxx): a regimen is checked
/// before it is expanded, and the checker owns every other finding.
/// </summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(SemanticModel regimen, Patient patient)
    {
        var problems = new DiagnosticBag(regimen.Path);
        var layout = PlanLayout.Of(regimen);
        if (layout.Refusal is { } refusal)
        {
            return new EvaluationResult(null, [], refusal, false);
        }

        // Each line is judged once: its dose does not depend on the cycle instance, its schedule only on the cycle.
        var doses = new Dictionary<AdministrationLine, DoseResult?>(ReferenceEqualityComparer.Instance);
        var schedules = new Dictionary<(AdministrationLine, CycleSymbol), ImmutableArray<ScheduledDose>?>();
        var conditions = new Dictionary<AdministrationLine, bool?>(ReferenceEqualityComparer.Instance);
        var entries = new List<TimelineEntry>();
        DateTime origin = patient.Start.ToDateTime(patient.FirstDoseTime);
        bool scheduleRefused = false;

        foreach (var (index, instance, cycle, administration) in GivenLines.Of(layout.Instances))
        {
            var line = administration.Line;
            if (administration.When is { } when)
            {
                if (!conditions.TryGetValue(line, out var holds))
                {
                    holds = Condition(when, patient, problems);
                    conditions[line] = holds;
                }
                if (holds != true)
                {
                    continue;
                }
            }
            if (!doses.TryGetValue(line, out var dose))
            {
                dose = Dosing.Compute(line, patient, problems);
                doses[line] = dose;
            }
            if (!schedules.TryGetValue((line, cycle), out var schedule))
            {
                int before = problems.Count;
                schedule = Schedule.Doses(administration, cycle.LengthDays!.Value, problems);
                schedules[(line, cycle)] = schedule;
                scheduleRefused |= schedule is null && problems.Count == before;
            }
            if (dose is null || schedule is not { } scheduled)
            {
                continue;
            }
            AddEntries(entries, administration, instance, index, dose, scheduled, origin);
        }

        if (problems.Count > 0 || scheduleRefused)
        {
            return new EvaluationResult(null, problems.Sorted(), null, scheduleRefused);
        }

        // Clock order; OrderBy is stable, so simultaneous doses keep the written order of their lines.
        var ordered = entries.OrderBy(e => e.When).ToImmutableArray();
        var (cycleTotals, planTotals) = Totals.Compute(ordered, patient);
        var timeline = new Timeline(regimen.Title, regimen.Id, regimen.Path, patient, layout.Instances, ordered, cycleTotals, planTotals);
        return new EvaluationResult(timeline, [], null, false);
    }

    /// <summary>Whether the condition holds; null (reported) when it names a fact the patient does not give.</summary>
    private static bool? Condition(BoundCondition when, Patient patient, DiagnosticBag problems)
    {
        var missing = when.Facts().DistinctBy(f => f.Name).Where(f => f.Fact.Read(patient) is null).ToList();
        foreach (var fact in missing)
        {
            problems.Add(Diagnose.MissingFactForCondition(when.Syntax.Span, SyntaxPrinter.Condition(when.Syntax), fact.Name, fact.Fact.Flag));
        }
        return missing.Count > 0 ? null : when.Holds(patient);
    }

    private static void AddEntries(List<TimelineEntry> entries, BoundAdministration administration, CycleInstance instance, int index,
        DoseResult dose, ImmutableArray<ScheduledDose> scheduled, DateTime origin)
    {
        var line = administration.Line;
        var routes = line.Routes.Select(r => r.Route).ToImmutableArray();
        var infusion = line.IsContinuous ? new EntryInfusion(InfusionKind.Continuous, null)
            : line.Infusion is OverInfusion over ? new EntryInfusion(InfusionKind.Over, over.Duration)
            : EntryInfusion.None;
        var notes = line.Notes.Select(n => n.Text.Value).ToImmutableArray();
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
                routes,
                administration.Dose,
                dose.Amount,
                dose.Unit,
                dose.PrescribedAmount,
                dose.PrescribedUnit,
                infusion,
                d.DoseNumber,
                d.DoseCount,
                dose.Adjustments,
                notes,
                line.Span.Line));
        }
    }
}
