using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL4001: two doses of a drug closer than the formulary's minimum interval, counted in minutes (start to start) over the
/// laid-out plan, so doses in consecutive cycles are compared too.
/// </summary>
public sealed class MinimumIntervalRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MinimumInterval];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<(object, object)>();
        foreach (var scenario in context.Scenarios)
        {
            foreach (var (drug, doses) in context.EventsByDrug(scenario).Where(d => d.Drug.MinIntervalDays is not null))
            {
                int minimumDays = drug.MinIntervalDays!.Value;
                string source = drug.MinIntervalSource ?? "";
                DoseEvent? previous = null;
                foreach (var dose in doses)
                {
                    if (previous is not null && dose.StartMinutes - previous.StartMinutes < minimumDays * 24L * 60 && reported.Add((previous.Line, dose.Line)))
                    {
                        string when = previous.Administration.When is not null || dose.Administration.When is not null ? scenario.When : "";
                        string gap = Diagnose.Gap(dose.StartMinutes - previous.StartMinutes);
                        var finding = previous.InstanceIndex == dose.InstanceIndex && previous.CycleDay == dose.CycleDay
                            ? Diagnose.DosesSameDay(dose.Administration.DaysSpan, drug.Name, dose.CycleDay, dose.Instance.CycleName, when, minimumDays, source)
                            : previous.InstanceIndex == dose.InstanceIndex
                                ? Diagnose.DosesTooCloseInCycle(dose.Administration.DaysSpan, drug.Name, previous.CycleDay, dose.CycleDay, dose.Instance.CycleName, gap, when, minimumDays, source)
                                : Diagnose.DosesTooCloseAcrossCycles(dose.Administration.DaysSpan, drug.Name, previous.CycleDay, previous.Instance.Cycle, previous.Instance.CycleName,
                                    dose.CycleDay, dose.Instance.Cycle, dose.Instance.CycleName, gap, when, minimumDays, source);
                        context.Report(finding.WithRelated(context.At(previous.Line, "the earlier dose"),
                            RuleContext.At(drug.Location, $"{drug.Name}: at least {minimumDays} days between doses ({source})")));
                    }
                    previous = dose;
                }
            }
        }
    }
}
