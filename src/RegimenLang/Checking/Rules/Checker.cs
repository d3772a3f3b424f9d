using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Checking.Rules;

/// <summary>Runs every checker rule (RL2xxx-RL5xxx) over a bound regimen, whatever else in the file is broken.</summary>
public static class Checker
{
    /// <summary>All rules, in the order their findings are produced (output is sorted by position anyway).</summary>
    public static IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new PlanSizeRule(),
        new OpenCourseRule(),
        new DayOutsideCycleRule(),
        new DayListRule(),
        new OrderRule(),
        new AsNeededRule(),
        new UntilRule(),
        new DosesFitRule(),
        new CycleNumberRule(),
        new SameDayRule(),
        new TimingRule(),
        new InfusionOverlapRule(),
        new RateInfusionRule(),
        new ForbiddenRouteRule(),
        new RouteNotListedRule(),
        new DoseBasisRule(),
        new PerAdministrationLimitRule(),
        new PerDayLimitRule(),
        new PerCycleLimitRule(),
        new LifetimeLimitRule(),
        new UnitSlipRule(),
        new AucRangeRule(),
        new LimitAgainstFormularyRule(),
        new RoundingStepRule(),
        new CoverageRule(),
        new CappedDrugRule(),
        new HighDoseMethotrexateRule(),
        new CompanionRule(),
        new SeparationRule(),
        new ClassLimitRule(),
        new MinimumIntervalRule(),
        new TreatmentFreeIntervalRule(),
        new TrailingZeroRule(),
        new MicrogramAbbreviationRule(),
        new UnitAbbreviationRule(),
        new DangerousFrequencyRule(),
        new MissingSourceRule(),
    ];

    /// <param name="patient">With a patient, absolute doses are checked too; without, doses are compared in like units.</param>
    public static void Run(SemanticModel model, Patient? patient, DiagnosticBag diagnostics)
    {
        var context = new RuleContext(model, patient, diagnostics);
        foreach (var rule in Rules)
        {
            rule.Check(context);
        }
    }
}
