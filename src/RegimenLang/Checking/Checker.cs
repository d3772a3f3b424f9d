using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;

namespace RegimenLang.Checking;

/// <summary>Runs every checker rule (RL2xxx-RL5xxx) over a bound regimen.</summary>
public static class Checker
{
    /// <summary>All rules, in the order their findings are produced (output is sorted by position anyway).</summary>
    public static IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new PlanSizeRule(),
        new DayListRule(),
        new DosesFitRule(),
        new CycleNumberRule(),
        new SameDayRule(),
        new RateInfusionRule(),
        new ForbiddenRouteRule(),
        new PerAdministrationLimitRule(),
        new PerDayLimitRule(),
        new PerCycleLimitRule(),
        new LifetimeLimitRule(),
        new UnitSlipRule(),
        new CappedDrugRule(),
        new HighDoseMethotrexateRule(),
        new MinimumIntervalRule(),
        new TreatmentFreeIntervalRule(),
        new TrailingZeroRule(),
        new MicrogramAbbreviationRule(),
        new UnitAbbreviationRule(),
        new DangerousFrequencyRule(),
        new MissingSourceRule(),
    ];

    /// <param name="patient">With a patient, absolute doses are checked too; without, doses are compared in like units.</param>
    public static void Run(BoundRegimen regimen, Patient? patient, DiagnosticBag diagnostics)
    {
        var context = new RuleContext(regimen, patient, diagnostics);
        foreach (var rule in Rules)
        {
            rule.Check(context);
        }
    }
}
