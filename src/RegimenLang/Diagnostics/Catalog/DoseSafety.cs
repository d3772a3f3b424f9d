using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>The scope of a maximum, for the wording of RL3002-RL3005.</summary>
public enum MaximumScope
{
    Administration,
    Day,
    Cycle,
    Lifetime,
}

public static partial class DiagnosticCatalog
{
    // ---- RL3xxx: dose safety ------------------------------------------------------------------

    public static readonly DiagnosticDescriptor ForbiddenRoute = new(
        "RL3001", "Forbidden route", DiagnosticFamily.DoseSafety, Severity.Error,
        "{drug} must never be given {route}: {reason}",
        "Some drugs are fatal by some routes. Vincristine (and the other vinca alkaloids) given intrathecally is almost always fatal: " +
        "this is always an error, whatever the configuration says, and cannot be suppressed below error. It is reported on every line " +
        "whose drug and route can be read, even when the rest of the file has errors.",
        "vincristine 2 mg IT day 1",
        "vincristine 2 mg IV day 1");

    private const string OverMaximum = "{drug}: {total} {where}{when} is over {maximum} ({origin})";

    public static readonly DiagnosticDescriptor OverMaxPerAdministration = new(
        "RL3002", "Dose over the maximum per administration", DiagnosticFamily.DoseSafety, Severity.Error,
        OverMaximum,
        "A single administration exceeds the maximum of the formulary or of a `limit ... per dose` line. Without a patient, doses are compared " +
        "with limits in the same unit (mg/m2 with mg/m2); with `--patient`, computed absolute doses are compared as well.",
        "vincristine 2.5 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor OverMaxPerDay = new(
        "RL3003", "Dose over the maximum per day", DiagnosticFamily.DoseSafety, Severity.Error,
        OverMaximum,
        "The doses of a drug on one treatment day add up to more than the formulary's or a `limit ... per day` maximum.",
        "blinatumomab 28 mg/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor OverMaxPerCycle = new(
        "RL3004", "Dose over the maximum per cycle", DiagnosticFamily.DoseSafety, Severity.Error,
        OverMaximum,
        "The doses of a drug in one cycle add up to more than the formulary's or a `limit ... per cycle` maximum (inotuzumab: 1.8 mg/m2 per cycle).",
        "inotuzumab 0.8 mg/m2 IV days 1, 8, 15",
        "inotuzumab 0.8 mg/m2 IV day 1\ninotuzumab 0.5 mg/m2 IV days 8, 15");

    public static readonly DiagnosticDescriptor OverLifetimeMax = new(
        "RL3005", "Cumulative dose over the lifetime maximum", DiagnosticFamily.DoseSafety, Severity.Error,
        OverMaximum,
        "The doses of a drug over the whole plan (every phase, every cycle, plus prior exposure from the patient file) add up to more than the " +
        "lifetime maximum of the formulary or a `limit ... lifetime` line (doxorubicin: 550 mg/m2).",
        "doxorubicin 75 mg/m2 IV day 1   # in a cycle given 8 times: 600 mg/m2",
        "doxorubicin 75 mg/m2 IV day 1   # in a cycle given 6 times: 450 mg/m2");

    public static readonly DiagnosticDescriptor UnitSlip = new(
        "RL3006", "Dose far outside the usual range", DiagnosticFamily.DoseSafety, Severity.Error,
        [
            "{drug} {dose} is {ratio} the usual dose of {usual} ({source}): {hint}",
            "{drug} {dose} is {ratio} the maximum of {maximum} per {per} ({source}): {hint}",
        ],
        "A dose 10, 100 or 1000 times the usual dose or the maximum of the formulary is almost always a slip: mg for mcg, g for mg, or a misplaced decimal point.",
        "blinatumomab 28 mg/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor CappedDrugWithoutCap = new(
        "RL3007", "Body-size dose of a capped drug without cap", DiagnosticFamily.DoseSafety, Severity.Warning,
        "{drug} has a maximum of {maximum} per administration but this dose is per {basis} with no 'cap': add 'cap {maximum}'",
        "A drug whose single dose has an absolute maximum (vincristine 2 mg) and that is dosed by body surface or weight needs a `cap`, " +
        "or a large patient receives more than the maximum. `regimen fix` adds the cap.",
        "vincristine 1.4 mg/m2 IV day 1",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg");

    public static readonly DiagnosticDescriptor HighDoseMethotrexateWithoutRescue = new(
        "RL3008", "High-dose methotrexate without leucovorin", DiagnosticFamily.DoseSafety, Severity.Warning,
        "methotrexate {dose} in cycle '{cycle}' is high-dose (>= 500 mg/m2) but the cycle has no leucovorin line",
        "High-dose methotrexate (500 mg/m2 or more) needs leucovorin rescue. Write the rescue as leucovorin (or levoleucovorin) lines, timed " +
        "from the methotrexate (`leucovorin 15 mg IV q6h x 10 from 24 h after mtx starts`): a note is not an order and never stands for the " +
        "rescue. When the rescue is there but starts outside the window its source gives, RL3012 says so.",
        "methotrexate 1000 mg/m2 IV over 24 h day 1",
        "methotrexate 1000 mg/m2 IV over 24 h day 1 as mtx\nleucovorin 15 mg IV q6h x 10 from 24 h after mtx starts");

    public static readonly DiagnosticDescriptor RouteNotListed = new(
        "RL3009", "Route the drug's label does not list", DiagnosticFamily.DoseSafety, Severity.Error,
        [
            "{drug} is not given {route}: the formulary lists {routes} ({source})",
            "{drug} is given only as a continuous infusion (CIV): give it 'CIV' or 'IV' with 'over' or 'continuous', not at once ({source})",
        ],
        "Each formulary entry lists the routes its label gives the drug by. A route outside the list is an error: an anthracycline or a " +
        "taxane intrathecally, a vinca alkaloid IM or SC, leucovorin intrathecally, a continuous-infusion-only drug as a bolus. `CIV` " +
        "counts as IV (a continuous infusion is an intravenous one). A route that is fatal (vincristine IT) is RL3001 instead. When a " +
        "hospital gives a drug by another route on purpose, add the route to its entry in a local formulary (README: the formulary file).",
        "doxorubicin 10 mg IT day 1",
        "doxorubicin 60 mg/m2 IV day 1");

    public static readonly DiagnosticDescriptor UnusualDoseBasis = new(
        "RL3010", "Dose basis unlike the drug's usual basis", DiagnosticFamily.DoseSafety, Severity.Warning,
        "{drug} {dose} is {basis}, but its usual dose{route} is {usual} ({source}): was '{expected}' meant?",
        "The formulary gives each drug's usual dose with its basis: flat (a fixed amount), per m2 of body surface, per kg of weight, or " +
        "an AUC. A dose written on another basis is a frequent slip (a flat-dosed antibody written per m2, a per-m2 cytotoxic written " +
        "flat, a per-kg antibody written per m2) and changes the amount for every patient. Drugs whose label gives several bases for the " +
        "route (epoetin per kg or flat) accept any of them; a drug without a usual dose is not checked, nor a corticosteroid (written flat and " +
        "by body size alike across protocols), nor a flat dose of a drug with a flat maximum per administration (vincristine 2 mg: its " +
        "capped dose). An AUC drug (carboplatin) written in mg/m2 is reported too.",
        "rituximab 375 mg IV day 1",
        "rituximab 375 mg/m2 IV day 1");

    private static IEnumerable<DiagnosticDescriptor> DoseSafetyFamily() =>
    [
        ForbiddenRoute, OverMaxPerAdministration, OverMaxPerDay, OverMaxPerCycle, OverLifetimeMax, UnitSlip, CappedDrugWithoutCap,
        HighDoseMethotrexateWithoutRescue, RouteNotListed, UnusualDoseBasis, CompanionMissing, CompanionOutsideWindow, ClassLimit,
        LimitAgainstFormulary, RoundingStepTooLarge, CoverageGap, AucOutOfRange, TooCloseToChemotherapy,
    ];

    internal static DiagnosticDescriptor Over(MaximumScope scope) => scope switch
    {
        MaximumScope.Administration => OverMaxPerAdministration,
        MaximumScope.Day => OverMaxPerDay,
        MaximumScope.Cycle => OverMaxPerCycle,
        _ => OverLifetimeMax,
    };
}

public static partial class Diagnose
{
    public static Diagnostic RouteNotListed(SourceSpan at, string drug, string route, string routes, string source) =>
        DiagnosticCatalog.RouteNotListed.Create(at, 0, ("drug", drug), ("route", route), ("routes", routes), ("source", source));

    public static Diagnostic UnusualDoseBasis(SourceSpan at, string drug, string dose, string basis, string route, string usual, string source, string expected) =>
        DiagnosticCatalog.UnusualDoseBasis.Create(at, ("drug", drug), ("dose", dose), ("basis", basis), ("route", route), ("usual", usual),
            ("source", source), ("expected", expected));

    public static Diagnostic ContinuousOnly(SourceSpan at, string drug, string source) =>
        DiagnosticCatalog.RouteNotListed.Create(at, 1, ("drug", drug), ("source", source));

    public static Diagnostic ForbiddenRoute(SourceSpan at, string drug, string route, string reason) =>
        DiagnosticCatalog.ForbiddenRoute.Create(at, ("drug", drug), ("route", route), ("reason", reason));

    /// <param name="total">The dose or sum that is over, with its unit (and "including prior exposure" when it is).</param>
    /// <param name="where">Where the sum stands: <see cref="Phrases"/>.</param>
    /// <param name="maximum">The maximum with its unit, e.g. "2 mg".</param>
    public static Diagnostic OverMaximum(MaximumScope scope, SourceSpan at, string drug, string total, string where, string when, string maximum, string origin)
    {
        string max = scope switch
        {
            MaximumScope.Administration => $"the maximum of {maximum} per administration",
            MaximumScope.Day => $"the maximum of {maximum} per day",
            MaximumScope.Cycle => $"the maximum of {maximum} per cycle",
            _ => $"the lifetime maximum of {maximum}",
        };
        return DiagnosticCatalog.Over(scope).Create(at, ("drug", drug), ("total", total), ("where", where), ("when", when), ("maximum", max), ("origin", origin));
    }

    public static Diagnostic UnitSlipAgainstUsual(SourceSpan at, string drug, string dose, string ratio, string usual, string source, string hint) =>
        DiagnosticCatalog.UnitSlip.Create(at, 0, ("drug", drug), ("dose", dose), ("ratio", ratio), ("usual", usual), ("source", source), ("hint", hint));

    public static Diagnostic UnitSlipAgainstMaximum(SourceSpan at, string drug, string dose, string ratio, string maximum, string per, string source, string hint) =>
        DiagnosticCatalog.UnitSlip.Create(at, 1, ("drug", drug), ("dose", dose), ("ratio", ratio), ("maximum", maximum), ("per", per), ("source", source), ("hint", hint));

    /// <param name="insertAt">Where ' cap …' goes: the end of the administration line.</param>
    public static Diagnostic CappedDrugWithoutCap(SourceSpan at, string drug, string maximum, string basis, SourceSpan insertAt) =>
        DiagnosticCatalog.CappedDrugWithoutCap.Create(at, ("drug", drug), ("maximum", maximum), ("basis", basis))
            .WithFix(CodeFix.Replace($"add cap {maximum}", insertAt, $" cap {maximum}"));

    public static Diagnostic HighDoseMethotrexateWithoutRescue(SourceSpan at, string dose, string cycle) =>
        DiagnosticCatalog.HighDoseMethotrexateWithoutRescue.Create(at, ("dose", dose), ("cycle", cycle));
}

/// <summary>Phrases the dose and interval messages are built from, kept with the catalogue's wording.</summary>
public static class Phrases
{
    public static string OnPlanDay(int planDay, int cycleDay, string cycle) => $"on plan day {planDay} (day {cycleDay} of cycle '{cycle}')";

    public static string InPlanCycle(int planCycle, string cycle, int phaseCycle, string phase) =>
        $"in cycle {planCycle} of the plan ('{cycle}', cycle {phaseCycle} of phase '{phase}')";

    public static string OverThePlanReachedIn(int planCycle, string cycle, string phase) =>
        $"over the plan, reached in cycle {planCycle} ('{cycle}', phase '{phase}')";

    /// <summary>Where an open-ended course reaches a lifetime maximum: after how many of its cycles, of how many at most.</summary>
    public static string OverOpenCourseReachedIn(int planCycle, string cycle, string phase, string until, int repeat, int atMost) =>
        $"over the plan, reached in cycle {planCycle} ('{cycle}', phase '{phase}'), after {repeat} of at most {atMost} cycles of the course until {until}";

    /// <summary>Where an open-ended course with no maximum reaches a lifetime maximum: after how many of its cycles (no plan cycle: later phases would shift it).</summary>
    public static string OverUnboundedCourseReachedIn(string cycle, string phase, string until, int repeat) =>
        $"over the plan, reached after {repeat} cycles ('{cycle}', phase '{phase}') of the course until {until} (no maximum)";

    public static string OfCycle(int day, string cycle) => $"(day {day} of cycle '{cycle}')";

    public static string OfBlock(int day, string block) => $"(day {day} of block '{block}')";

    public const string InOneAdministration = "in one administration";

    public const string IncludingPrior = " including prior exposure";

    public static string ForThisPatient(string absoluteLimit) => $" (the limit is {absoluteLimit} for this patient)";

    public static string When(string description) => description.Length == 0 ? "" : $" (when {description})";

    public static string FromFormulary(string source) => $"formulary: {source}";

    public static string FromLimitLine(int line) => $"limit on line {line}";

    public static string TimesOf(string ratio) => $"{ratio} times";

    public static string FractionOf(string ratio) => $"1/{ratio} of";

    public static string UnitWrittenFor(string written, string meant) => $"{written} written for {meant}?";

    public const string DecimalOrUnit = "a misplaced decimal point or a wrong unit?";

    public static string Route(string route) => route switch
    {
        "IT" => "intrathecally (IT)",
        "IM" => "intramuscularly (IM)",
        "SC" => "subcutaneously (SC)",
        "PO" => "by mouth (PO)",
        _ => route,
    };
}
