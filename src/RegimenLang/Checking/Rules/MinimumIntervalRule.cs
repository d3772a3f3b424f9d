using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL4001: two doses of a drug closer than the formulary's minimum interval, counted in hours over the
/// laid-out plan, so doses in consecutive cycles are compared too.
/// </summary>
public sealed class MinimumIntervalRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MinimumInterval];

    public void Check(RuleContext context)
    {
        var reported = new HashSet<(object, object)>();
        foreach (var scenario in context.Scenarios)
        {
            foreach (var (drug, doses) in context.EventsByDrug(scenario).Where(d => d.Drug.MinIntervalDays is not null))
            {
                int minimumHours = drug.MinIntervalDays!.Value * 24;
                DoseEvent? previous = null;
                foreach (var dose in doses)
                {
                    if (previous is not null && dose.Hours - previous.Hours < minimumHours && reported.Add((previous.Line, dose.Line)))
                    {
                        string when = previous.Line.When is not null || dose.Line.When is not null ? scenario.When : "";
                        string what = previous.InstanceIndex == dose.InstanceIndex && previous.CycleDay == dose.CycleDay
                            ? $"two {drug.Name} doses fall on day {dose.CycleDay} of cycle '{dose.Instance.CycleName}'"
                            : previous.InstanceIndex == dose.InstanceIndex
                                ? $"{drug.Name} doses on days {previous.CycleDay} and {dose.CycleDay} of cycle '{dose.Instance.CycleName}' are {Describe(dose.Hours - previous.Hours)} apart"
                                : $"{drug.Name} doses on day {previous.CycleDay} of cycle {previous.Instance.Cycle} ('{previous.Instance.CycleName}') and day {dose.CycleDay} of cycle {dose.Instance.Cycle} ('{dose.Instance.CycleName}') are {Describe(dose.Hours - previous.Hours)} apart";
                        context.Report(DiagnosticCatalog.MinimumInterval, dose.Line.Days.Span,
                            [context.At(previous.Line, "the earlier dose"), RuleContext.At(drug.Location, $"{drug.Name}: at least {drug.MinIntervalDays} days between doses ({drug.MinIntervalSource})")],
                            $"{what}{when}; at least {drug.MinIntervalDays} days are required ({drug.MinIntervalSource})");
                    }
                    previous = dose;
                }
            }
        }
    }

    private static string Describe(int hours) => hours % 24 == 0 ? $"{hours / 24} day{(hours == 24 ? "" : "s")}" : $"{hours} hour{(hours == 1 ? "" : "s")}";
}
