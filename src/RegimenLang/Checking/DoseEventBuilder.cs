using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>
/// Lays the plan out for one scenario with the evaluator's own pieces (plan layout, cycle qualifiers,
/// conditions, schedule, dosing), so that the checker counts exactly the administrations the timeline
/// would show. Problems of the layout itself are other rules' to report; here a line that cannot be
/// scheduled or dosed is skipped.
/// </summary>
public static class DoseEventBuilder
{
    /// <param name="include">Which lines to lay out (the rules count only drugs with limits or intervals).</param>
    public static ImmutableArray<DoseEvent> Build(ImmutableArray<CycleInstance> instances, Scenario scenario, Func<BoundAdministration, bool> include)
    {
        var quiet = new DiagnosticBag("");
        var schedules = new Dictionary<(AdministrationLine, CycleSymbol), ImmutableArray<ScheduledDose>?>();
        var absolute = new Dictionary<AdministrationLine, DoseResult?>(ReferenceEqualityComparer.Instance);
        var events = ImmutableArray.CreateBuilder<DoseEvent>();
        bool allApply = ScenarioBuilder.AllLinesApply(scenario);

        foreach (var (index, instance, cycle, administration) in GivenLines.Of(instances))
        {
            var line = administration.Line;
            if (!include(administration))
            {
                continue;
            }
            if (administration.When is { } when && !allApply && !when.Holds(scenario.Patient))
            {
                continue;
            }
            if (!schedules.TryGetValue((line, cycle), out var schedule))
            {
                schedule = Schedule.Doses(administration, cycle.LengthDays!.Value, quiet);
                schedules[(line, cycle)] = schedule;
            }
            if (schedule is not { } doses)
            {
                continue;
            }
            DoseResult? computed = null;
            if (scenario.IsRealPatient && !absolute.TryGetValue(line, out computed))
            {
                computed = Dosing.Compute(line, scenario.Patient, quiet);
                absolute[line] = computed;
            }
            var (prescribed, unit) = Prescribed(administration.Dose);
            foreach (var dose in doses)
            {
                events.Add(new DoseEvent(administration, instance, index,
                    PlanDay: instance.StartDay + dose.CycleDay,
                    CycleDay: dose.CycleDay,
                    Hours: instance.StartDay * 24 + dose.HoursFromCycleStart,
                    prescribed, unit, computed?.Amount, computed?.Unit));
            }
        }
        return events.ToImmutable();
    }

    /// <summary>The prescribed amount of one administration (a rate dose: its amount per day) and its unit without the rate.</summary>
    public static (decimal? Amount, DoseUnit? Unit) Prescribed(DoseSyntax dose) => dose switch
    {
        AmountDose d => (
            d.Unit.Rate == DoseRate.PerHour ? d.Amount.Value * 24 : d.Amount.Value,
            d.Unit with { Rate = DoseRate.None }),
        _ => (null, null),
    };
}
