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
        // A branch on a fact the patient does not give is reported (no timeline follows) and laid out as not taken.
        // Each branch is judged once, however often a repeat reaches it.
        var branches = new Dictionary<BoundCondition, bool>(ReferenceEqualityComparer.Instance);
        var layout = PlanLayout.Of(regimen, when =>
        {
            if (!branches.TryGetValue(when, out bool holds))
            {
                holds = Condition(when, patient, problems) == true;
                branches[when] = holds;
            }
            return holds;
        }, longest: false);
        if (layout.Refusal is { } refusal)
        {
            return new EvaluationResult(null, [], refusal, false);
        }

        // Each line is judged once: its condition and its dose do not depend on the cycle instance.
        var conditions = new Dictionary<AdministrationLine, bool?>(ReferenceEqualityComparer.Instance);
        var levels = LevelSelection.For(regimen, patient);
        bool Given(BoundAdministration administration)
        {
            if (levels.Omitted(administration))
            {
                return false;
            }
            if (administration.When is not { } when)
            {
                return true;
            }
            if (!conditions.TryGetValue(administration.Line, out var holds))
            {
                holds = Condition(when, patient, problems);
                conditions[administration.Line] = holds;
            }
            return holds == true;
        }

        int firstDose = patient.FirstDoseTime.Hour * 60 + patient.FirstDoseTime.Minute;
        var record = patient.AsGiven;
        var instances = AsGivenPlan.Shift(layout.Instances, record);
        var placed = DoseLayout.Lay(regimen, instances, firstDose, Given, _ => true, problems, expectedCourse: true);
        foreach (var unmatched in AsGivenPlan.Unmatched(record, instances, placed.Doses))
        {
            problems.Add(unmatched);
        }
        var doses = new Dictionary<(AdministrationLine, int), DoseResult?>(LineKeyComparer<int>.Instance);
        var entries = new List<TimelineEntry>(placed.Doses.Length);
        var parts = new Dictionary<AdministrationLine, LineParts>(ReferenceEqualityComparer.Instance);
        DateTime origin = patient.Start.ToDateTime(TimeOnly.MinValue);
        foreach (var dose in placed.Doses)
        {
            if (dose.Line.AsNeeded is not null && dose.DoseNumber > 1)
            {
                continue; // an as-needed line is one entry a day; its maximum is the checker's business
            }
            var recorded = AsGivenPlan.Of(dose, record, levels);
            if (recorded == RecordedDose.LeftOut)
            {
                continue;
            }
            var key = (dose.Line, dose.Step);
            // A recorded change of level makes a line's dose differ from one cycle to the next: no sharing then.
            // So does an event that changes the line's dose (until cmr then 15 mg).
            if (!record.Changes.IsEmpty || dose.Line.Until?.Then is not null || !doses.TryGetValue(key, out var computed))
            {
                computed = Dosing.Compute(dose.Line, levels.Prescribed(dose), patient, problems);
                doses[key] = computed;
            }
            if (computed is not null && recorded == RecordedDose.Recorded)
            {
                var (amount, unit) = AsGivenPlan.AmountOf(dose, record);
                // The recorded amount is what was given: the share of a divided dose is already in it.
                computed = computed with { Amount = amount / dose.Share, Unit = unit, Adjustments = [] };
            }
            if (computed is not null)
            {
                if (!parts.TryGetValue(dose.Line, out var lineParts))
                {
                    lineParts = LineParts.Of(dose.Line);
                    parts[dose.Line] = lineParts;
                }
                entries.Add(Entry(dose, computed, origin, lineParts, levels) with
                {
                    Recorded = recorded == RecordedDose.Recorded,
                    Until = UntilMark(dose),
                    DoseChange = DoseChangeMark(dose, levels),
                    Status = record.AsOf is { } asOf ? (DateOnly.FromDateTime(origin.AddMinutes(dose.StartMinutes)) <= asOf ? EntryStatus.Given : EntryStatus.Planned) : null,
                });
            }
        }

        var orderConditions = new Dictionary<OrderLine, bool?>(ReferenceEqualityComparer.Instance);
        bool OrderGiven(BoundOrder order)
        {
            if (order.When is not { } when)
            {
                return true;
            }
            if (!orderConditions.TryGetValue(order.Line, out var holds))
            {
                holds = Condition(when, patient, problems);
                orderConditions[order.Line] = holds;
            }
            return holds == true;
        }
        var orders = OrderLayout.Lay(regimen, layout.Instances, placed.Doses, firstDose, OrderGiven, origin);

        if (problems.Count > 0 || placed.Refused)
        {
            return new EvaluationResult(null, problems.Sorted(), null, placed.Refused);
        }
        NightDoses(placed.Doses, problems);

        // Clock order; OrderBy is stable, so simultaneous doses keep the order in which they were laid out.
        var ordered = entries.OrderBy(e => e.When).ToImmutableArray();
        var (cycleTotals, planTotals) = Totals.Compute(ordered, patient);
        var timeline = new Timeline(regimen.Title, regimen.Id, regimen.Path, patient, instances, ordered, cycleTotals, planTotals)
        {
            DoseLevels = levels.Applied(),
            Orders = orders,
            ClassTotals = ClassExposure.Compute(ordered, patient, regimen.Formulary),
        };
        return new EvaluationResult(timeline, problems.Sorted(), null, false);
    }

    /// <summary>
    /// RL6009: an oral dose the waking-day model puts in the night (22:00 to 06:00) because the first-dose time is late
    /// (<c>tid</c> from 20:00 gives 02:00). Doses the author timed (<c>at</c>, a timing) are as written and are not reported.
    /// </summary>
    /// <summary>The place of a dose in its line's lab- or event-driven course; null for other lines.</summary>
    private static EntryUntil? UntilMark(PlacedDose dose) =>
        dose.Line.Until is { IsDuration: true, Longest: { } most } until && dose.Administration.ListedDays is [var first, ..]
            ? new EntryUntil(SyntaxPrinter.Condition(until.Condition), dose.ListedDay - first + 1, until.ExpectDays is null ? null : until.Expected, most)
            : null;

    /// <summary>Which side of its line's event a dose is on; null for other lines.</summary>
    private static EntryDoseChange? DoseChangeMark(PlacedDose dose, LevelSelection levels) =>
        dose.Line.Until is { Then: { } then, Event: { } name }
            ? new EntryDoseChange(name, SyntaxPrinter.Print(then), levels.EventDate(dose), levels.AfterEvent(dose))
            : null;

    private static void NightDoses(ImmutableArray<PlacedDose> doses, DiagnosticBag problems)
    {
        var reported = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var dose in doses)
        {
            var line = dose.Line;
            // q<N>h is round the clock on purpose: its night doses are what the protocol asks for, not the first-dose time's doing.
            // An as-needed line's night doses are the checker's count at its maximum, not a time anyone is told to give them.
            if (!dose.DefaultTime || line.AsNeeded is not null || line.IsContinuous || line.Routes[0].Route != Route.PO || line.Frequency?.Kind == FrequencyKind.EveryHours
                || reported.Contains(line))
            {
                continue;
            }
            long minuteOfDay = dose.StartMinutes - DoseLayout.FloorDiv(dose.StartMinutes, Schedule.MinutesPerDay) * Schedule.MinutesPerDay;
            if (minuteOfDay >= 22 * 60 || minuteOfDay < 6 * 60)
            {
                reported.Add(line);
                var at = line.Frequency?.Span ?? line.Drug.Span;
                problems.Add(Diagnose.NightDose(at, dose.Administration.DrugName, $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}", dose.CycleDay, dose.Instance.CycleName));
            }
        }
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

    /// <summary>What every entry of a line shares, made once per line.</summary>
    private sealed record LineParts(ImmutableArray<Route> Routes, ImmutableArray<string> Notes, EntryInfusion Infusion)
    {
        public static LineParts Of(AdministrationLine line) => new(
            [.. line.Routes.Select(r => r.Route)],
            [.. line.Notes.Select(n => n.Text.Value)],
            line.Infusion is OverInfusion over ? new EntryInfusion(InfusionKind.Over, over.Duration)
            : line.IsContinuous ? new EntryInfusion(InfusionKind.Continuous, null)
            : EntryInfusion.None);
    }

    private static TimelineEntry Entry(PlacedDose dose, DoseResult computed, DateTime origin, LineParts parts, LevelSelection levels)
    {
        var line = dose.Line;
        var instance = dose.Instance;
        var infusion = parts.Infusion;
        decimal share = dose.Share;
        return new TimelineEntry(
            origin.AddMinutes(dose.StartMinutes),
            dose.PlanDay,
            dose.InstanceIndex,
            instance.Phase,
            instance.Cycle,
            instance.PhaseCycle,
            instance.CycleName,
            dose.CycleDay,
            dose.Administration.DrugName,
            parts.Routes,
            levels.Prescribed(dose),
            computed.Amount * share,
            computed.Unit,
            computed.PrescribedAmount * share,
            computed.PrescribedUnit,
            infusion,
            line.AsNeeded is null ? dose.DoseNumber : null,
            line.AsNeeded is null ? dose.DoseCount : null,
            computed.Adjustments,
            parts.Notes,
            line.Span.Line)
        {
            DurationMinutes = dose.DurationMinutes,
            Anchor = dose.Anchor is { } anchor && line.Timing is { } timing
                ? new EntryAnchor(anchor.Drug.Text, anchor.Label?.Name.Text, anchor.Span.Line, timing.Relation, timing.EffectiveEdge, timing.Offset)
                : null,
            DividedInto = dose.DividedInto > 1 ? dose.DividedInto : null,
            RampStep = dose.Step >= 0 ? dose.Step + 1 : null,
            DoseLevel = levels.LevelOf(dose)?.Number,
            AsNeeded = line.AsNeeded is { } prn ? new EntryAsNeeded(prn.Reason.Value, prn.Max) : null,
        };
    }
}
