using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL4002: the days without the drug between the last treatment day of one cycle that gives it and the
/// first treatment day of the next must be at least the formulary's treatment-free interval.
/// </summary>
public sealed class TreatmentFreeIntervalRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.TreatmentFreeInterval];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var scenario in context.Scenarios)
        {
            foreach (var (drug, doses) in context.EventsByDrug(scenario).Where(d => d.Drug.TreatmentFreeDays is not null))
            {
                int required = drug.TreatmentFreeDays!.Value;
                var byCycle = doses.GroupBy(e => e.InstanceIndex).OrderBy(g => g.Key)
                    .Select(g => (First: g.MinBy(e => e.PlanDay)!, Last: g.MaxBy(e => e.PlanDay)!)).ToList();
                for (int i = 1; i < byCycle.Count; i++)
                {
                    var (previous, next) = (byCycle[i - 1].Last, byCycle[i].First);
                    int free = next.PlanDay - previous.PlanDay - 1;
                    if (free < required && reported.Add(next.Line))
                    {
                        string when = previous.Administration.When is not null || next.Administration.When is not null || next.Instance.Branch is not null || scenario.ChangesDose(next.Administration) ? scenario.When : "";
                        context.Report(Diagnose.TreatmentFreeTooShort(next.Administration.DaysSpan, drug.Name, free, previous.Instance.Cycle, previous.Instance.CycleName,
                                next.Instance.Cycle, next.Instance.CycleName, when, required, drug.TreatmentFreeSource ?? "")
                            .WithRelated(context.At(previous.Line, "the end of the previous cycle's treatment"),
                                RuleContext.At(drug.Location, $"{drug.Name}: {required} treatment-free days ({drug.TreatmentFreeSource})")));
                    }
                }
            }
        }
    }
}
