using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL4001: two doses of a drug closer than a minimum interval of the formulary (for every route, or for one: oral methotrexate
/// is weekly, and daily oral methotrexate is the classic fatal error), counted in minutes (start to start) over the laid-out
/// plan, so doses in consecutive cycles are compared too.
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
            foreach (var (drug, events) in context.EventsByDrug(scenario))
            {
                foreach (var interval in Intervals(drug))
                {
                    int minimumDays = interval.MinDays;
                    string source = interval.Source;
                    DoseEvent? previous = null;
                    foreach (var dose in events.Where(e => Counts(interval, e)))
                    {
                        if (previous is not null && dose.StartMinutes - previous.StartMinutes < minimumDays * 24L * 60 && reported.Add((previous.Line, dose.Line)))
                        {
                            string when = previous.Administration.When is not null || dose.Administration.When is not null || dose.Instance.Branch is not null || scenario.ChangesDose(dose.Administration) ? scenario.When : "";
                            string gap = Diagnose.Gap(dose.StartMinutes - previous.StartMinutes);
                            var finding = previous.InstanceIndex == dose.InstanceIndex && previous.CycleDay == dose.CycleDay
                                ? Diagnose.DosesSameDay(dose.Administration.DaysSpan, drug.Name, dose.CycleDay, dose.Instance.CycleName, when, minimumDays, source)
                                : previous.InstanceIndex == dose.InstanceIndex
                                    ? Diagnose.DosesTooCloseInCycle(dose.Administration.DaysSpan, drug.Name, previous.CycleDay, dose.CycleDay, dose.Instance.CycleName, gap, when, minimumDays, source)
                                    : Diagnose.DosesTooCloseAcrossCycles(dose.Administration.DaysSpan, drug.Name, previous.CycleDay, previous.Instance.Cycle, previous.Instance.CycleName,
                                        dose.CycleDay, dose.Instance.Cycle, dose.Instance.CycleName, gap, when, minimumDays, source);
                            string route = interval.Route is { } r ? $" {Phrases.Route(r.ToString())}" : "";
                            context.Report(finding.WithRelated(context.At(previous.Line, "the earlier dose"),
                                RuleContext.At(interval.Location, $"{drug.Name}{route}: at least {minimumDays} days between doses{(interval.Reason is { } why ? ": " + why : "")} ({source})")));
                        }
                        previous = dose;
                    }
                }
            }
        }
    }

    /// <summary>The drug's confirmed intervals (a local formulary's <c>minIntervalDays</c> is one for every route).</summary>
    private static IEnumerable<DoseInterval> Intervals(DrugEntry drug) =>
        drug.Intervals.IsEmpty && drug.MinIntervalDays is { } days
            ? [new DoseInterval(days, null, null, null, drug.MinIntervalSource ?? "", false, drug.Location)]
            : drug.Intervals.Where(i => !i.Unconfirmed);

    /// <summary>Whether a dose is one the interval is about: on its route, and at least its minimum dose (carmustine's course, not a half of one).</summary>
    private static bool Counts(DoseInterval interval, DoseEvent e) =>
        DoseArithmetic.OnRoute(interval.Route, e.Line)
        && (interval.MinDose is not { } min || DoseArithmetic.PrescribedIn(e, min.Unit with { Rate = DoseRate.None }) is { } amount && amount >= min.Amount.Value);
}
