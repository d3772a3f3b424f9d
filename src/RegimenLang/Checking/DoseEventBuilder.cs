using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>
/// Lays the plan out for one scenario with the evaluator's own layout (<see cref="DoseLayout"/>: cycles, phase
/// blocks, qualifiers, conditions, timings, schedule, dosing), so that the checker counts exactly the administrations
/// the timeline would show. Problems of the layout itself are other rules' to report; here a line that cannot be
/// laid out or dosed is skipped.
/// </summary>
public static class DoseEventBuilder
{
    /// <param name="include">Which lines to lay out (the rules count only drugs with limits or intervals).</param>
    public static ImmutableArray<DoseEvent> Build(SemanticModel model, ImmutableArray<CycleInstance> instances, Scenario scenario, Func<BoundAdministration, bool> include)
    {
        var quiet = new DiagnosticBag("");
        bool allApply = ScenarioBuilder.AllLinesApply(scenario);
        var patient = scenario.Patient;
        int firstDose = patient.FirstDoseTime.Hour * 60 + patient.FirstDoseTime.Minute;
        var levels = LevelSelection.For(model, patient);
        var record = patient.AsGiven;
        var placed = DoseLayout.Lay(model, AsGivenPlan.Shift(instances, record), firstDose,
            a => !levels.Omitted(a) && (a.When is not { } when || allApply || when.Holds(patient)), include, quiet);

        var absolute = new Dictionary<(AdministrationLine, int), DoseResult?>(LineKeyComparer<int>.Instance);
        var events = ImmutableArray.CreateBuilder<DoseEvent>(placed.Doses.Length);
        foreach (var dose in placed.Doses)
        {
            var recorded = AsGivenPlan.Of(dose, record, levels);
            if (recorded == RecordedDose.LeftOut)
            {
                continue;
            }
            var prescribedDose = levels.Prescribed(dose);
            DoseResult? computed = null;
            // A line's dose is computed once, unless a recorded change of level or an event (until cmr then 15 mg) changes it.
            if (scenario.IsRealPatient && (!record.Changes.IsEmpty || dose.Line.Until?.Then is not null || !absolute.TryGetValue((dose.Line, dose.Step), out computed)))
            {
                computed = Dosing.Compute(dose.Line, prescribedDose, patient, quiet);
                absolute[(dose.Line, dose.Step)] = computed;
            }
            if (computed is not null && recorded == RecordedDose.Recorded)
            {
                var (amount, mass) = AsGivenPlan.AmountOf(dose, record);
                computed = computed with { Amount = amount / dose.Share, Unit = mass };
            }
            var (prescribed, unit) = Prescribed(prescribedDose);
            decimal share = dose.Share;
            events.Add(new DoseEvent(dose.Administration, dose.Instance, dose.InstanceIndex,
                PlanDay: dose.PlanDay,
                CycleDay: dose.CycleDay,
                StartMinutes: dose.StartMinutes,
                DurationMinutes: dose.DurationMinutes,
                prescribed * share, unit, computed?.Amount * share, computed?.Unit)
            {
                DefaultTime = dose.DefaultTime,
                Anchor = dose.Anchor,
            });
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
