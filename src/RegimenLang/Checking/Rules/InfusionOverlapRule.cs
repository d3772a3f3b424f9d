using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2012: an infusion still running when the next cycle's dose of the same drug starts, or past the start of the
/// next cycle (day 1 at the first-dose time). The plan is laid out as the timeline lays it out, for each scenario.
/// </summary>
public sealed class InfusionOverlapRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.InfusionOverlap];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        if (context.Instances.IsEmpty || !context.Lines.Any(l => l.Line.Infusion is OverInfusion))
        {
            return;
        }
        // Only drugs with an infusion over a stated time can run into the next dose; a plan without branches or conditional
        // lines (a timed line follows its anchor's condition) is the same in every scenario.
        var infused = context.Lines.Where(l => l.Line.Infusion is OverInfusion).Select(l => l.DrugName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool same = context.Model.Plan is not { HasBranches: true } && !context.Lines.Any(l => l.When is not null);
        var reported = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var scenario in same ? context.Scenarios.Take(1) : context.Scenarios)
        {
            var patient = scenario.Patient;
            int firstDose = patient.FirstDoseTime.Hour * 60 + patient.FirstDoseTime.Minute;
            bool all = ScenarioBuilder.AllLinesApply(scenario);
            var instances = context.LayoutFor(scenario).Instances;
            var doses = DoseLayout.Lay(context.Model, instances, firstDose, a => a.When is not { } when || all || when.Holds(patient),
                a => infused.Contains(a.DrugName), new DiagnosticBag("")).Doses;
            // The layout is in time order, and grouping keeps it.
            foreach (var drug in doses.GroupBy(d => d.Administration.DrugName, StringComparer.OrdinalIgnoreCase))
            {
                var ordered = drug.ToList();
                for (int i = 0; i < ordered.Count; i++)
                {
                    var dose = ordered[i];
                    if (dose.Line.Infusion is not OverInfusion over || reported.Contains(dose.Line) || dose.InstanceIndex + 1 >= instances.Length)
                    {
                        continue;
                    }
                    var next = ordered.Skip(i + 1).FirstOrDefault(d => d.InstanceIndex > dose.InstanceIndex);
                    var nextInstance = instances[dose.InstanceIndex + 1];
                    long nextDayOne = (long)nextInstance.StartDay * Schedule.MinutesPerDay + firstDose;
                    string Duration() => $"{over.Duration.Amount.Text} {over.Duration.UnitText}";
                    string End() => $"day {DoseLayout.FloorDiv(dose.EndMinutes, Schedule.MinutesPerDay) - dose.Instance.StartDay + 1} at {Clock(dose.EndMinutes)}";
                    if (next is not null && next.StartMinutes < dose.EndMinutes)
                    {
                        reported.Add(dose.Line);
                        context.Report(Diagnose.InfusionIntoNextDose(over.Span, drug.Key, Duration(), dose.CycleDay, dose.Instance.CycleName, End(),
                            $"day {next.CycleDay} of cycle '{next.Instance.CycleName}' at {Clock(next.StartMinutes)}").WithRelated(context.At(next.Line, "the next dose")));
                    }
                    else if (!nextInstance.IsRest && dose.EndMinutes > nextDayOne)
                    {
                        reported.Add(dose.Line);
                        context.Report(Diagnose.InfusionPastNextCycle(over.Span, drug.Key, Duration(), dose.CycleDay, dose.Instance.CycleName, End(),
                            $"cycle '{nextInstance.CycleName}' starts on day 1 at {Clock(nextDayOne)}"));
                    }
                }
            }
        }
    }

    private static string Clock(long minutes)
    {
        long ofDay = minutes - DoseLayout.FloorDiv(minutes, Schedule.MinutesPerDay) * Schedule.MinutesPerDay;
        return $"{ofDay / 60:00}:{ofDay % 60:00}";
    }
}
