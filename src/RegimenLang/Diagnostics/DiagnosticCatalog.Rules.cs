namespace RegimenLang.Diagnostics;

/// <summary>The checker's families: RL2xxx schedule, RL3xxx dose safety, RL4xxx intervals, RL5xxx notation.</summary>
public static partial class DiagnosticCatalog
{
    // ---- RL2xxx: schedule ---------------------------------------------------------------------

    public static readonly DiagnosticDescriptor DayOutsideCycle = new(
        "RL2001", "Day outside the cycle", Severity.Error,
        "day {0} is outside cycle '{1}', which is {2} days long",
        "Every listed day must lie in 1..length of the cycle the line ends up in (for a block, every cycle that includes it). " +
        "A day past the end would fall into the next cycle's days.",
        "cycle A length 21 days {\n  vincristine 2 mg IV days 1, 22\n}",
        "cycle A length 21 days {\n  vincristine 2 mg IV days 1, 15\n}");

    public static readonly DiagnosticDescriptor BadDayList = new(
        "RL2002", "Reversed range or repeated day", Severity.Error,
        "{0}",
        "A range is written first day to last day (`days 11-14`); a reversed range (`days 14-11`) is empty, which is almost always a typo. " +
        "A day listed twice would be given twice.",
        "dexamethasone 40 mg PO daily days 4-1",
        "dexamethasone 40 mg PO daily days 1-4");

    public static readonly DiagnosticDescriptor DosesDoNotFit = new(
        "RL2003", "Doses do not fit their days", Severity.Error,
        "{0} from day {1} puts dose {2} on day {3}, which is not listed: list days {1}-{4} or change the count",
        "`q<N>h x <count>` gives exactly count doses, N hours apart, from the first-dose time of the first listed day. " +
        "Every dose must fall on a listed treatment day (a treatment day runs from the first-dose time to the same time the next day).",
        "cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-2",
        "cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-3");

    public static readonly DiagnosticDescriptor CycleNotInPhase = new(
        "RL2004", "Cycle number never reached", Severity.Error,
        "{0}",
        "`in cycle N`, `in cycles N-M` and `from cycle N` count the cycles of the phase the cycle runs in (1, 2, 3...). " +
        "A number at which the line's cycle never runs means the line is never given, or that the count is off by one.",
        "cycle A length 21 days {\n  rituximab 375 mg/m2 IV day 1 in cycles 1-6\n}\nplan {\n  induction: A x 4\n}",
        "cycle A length 21 days {\n  rituximab 375 mg/m2 IV day 1 in cycles 1-4\n}\nplan {\n  induction: A x 4\n}");

    public static readonly DiagnosticDescriptor CycleGap = new(
        "RL2005", "A cycle misses a drug its neighbours get", Severity.Warning,
        "in phase '{0}', cycle {1} ('{2}') gets no {3} while cycles {4} and {5} do: check the 'in cycle' lists",
        "When lines restricted to some cycles (`in cycle 1`, `in cycles 3-4`) give a drug in the cycles around one that gets none of it, " +
        "an override was probably left out: the cycle lists are not exhaustive.",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 3-4",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 2-4");

    public static readonly DiagnosticDescriptor SameDrugTwice = new(
        "RL2006", "Same drug twice on one day", Severity.Warning,
        "{0} {1} is also given on day {2} of cycle '{3}' by line {4}: the two lines add up",
        "Two lines that give the same drug by the same route and infusion on the same day of the same cycle both apply, so the patient gets both doses. " +
        "This is usually an override (`in cycle 1` beside `in cycles 1-4`) that overlaps. Different infusions (a loading dose over 2 h then the rest over 22 h) are not reported.",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 1-4",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 2-4");

    public static readonly DiagnosticDescriptor OverlappingConditions = new(
        "RL2007", "Overlapping conditions", Severity.Error,
        "this line and line {0} both give {1} on day {2} when {3}: the dose could be given twice",
        "Lines of the same drug on the same day that branch on a patient fact must not both apply to one patient. " +
        "`age <= 60` and `age >= 60` both hold at 60; write `age < 60` and `age >= 60`.",
        "cytarabine 3 g/m2 IV over 2 h q12h x 4 days 2-3 when age <= 60\ncytarabine 1 g/m2 IV over 2 h q12h x 4 days 2-3 when age >= 60",
        "cytarabine 3 g/m2 IV over 2 h q12h x 4 days 2-3 when age < 60\ncytarabine 1 g/m2 IV over 2 h q12h x 4 days 2-3 when age >= 60");

    public static readonly DiagnosticDescriptor RateInfusionMismatch = new(
        "RL2008", "Rate dose and infusion do not match", Severity.Error,
        "{0}",
        "A rate dose (`28 mcg/day`, `2 mg/h`) is given as a continuous infusion (`CIV` or `continuous`), and a continuous infusion needs a rate dose, " +
        "so that the amount per day is unambiguous.",
        "blinatumomab 28 mcg IV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    // ---- RL3xxx: dose safety ------------------------------------------------------------------

    public static readonly DiagnosticDescriptor ForbiddenRoute = new(
        "RL3001", "Forbidden route", Severity.Error,
        "{0} must never be given {1}: {2}",
        "Some drugs are fatal by some routes. Vincristine (and the other vinca alkaloids) given intrathecally is almost always fatal: " +
        "this is always an error, whatever the configuration says, and cannot be suppressed below error.",
        "vincristine 2 mg IT day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor OverMaxPerAdministration = new(
        "RL3002", "Dose over the maximum per administration", Severity.Error,
        "{0}",
        "A single administration exceeds the maximum of the formulary or of a `limit ... per dose` line. Without a patient, doses are compared " +
        "with limits in the same unit (mg/m2 with mg/m2); with `--patient`, computed absolute doses are compared as well.",
        "vincristine 2.5 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor OverMaxPerDay = new(
        "RL3003", "Dose over the maximum per day", Severity.Error,
        "{0}",
        "The doses of a drug on one treatment day add up to more than the formulary's or a `limit ... per day` maximum.",
        "blinatumomab 28 mg/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor OverMaxPerCycle = new(
        "RL3004", "Dose over the maximum per cycle", Severity.Error,
        "{0}",
        "The doses of a drug in one cycle add up to more than the formulary's or a `limit ... per cycle` maximum (inotuzumab: 1.8 mg/m2 per cycle).",
        "inotuzumab 0.8 mg/m2 IV days 1, 8, 15",
        "inotuzumab 0.8 mg/m2 IV day 1\ninotuzumab 0.5 mg/m2 IV days 8, 15");

    public static readonly DiagnosticDescriptor OverLifetimeMax = new(
        "RL3005", "Cumulative dose over the lifetime maximum", Severity.Error,
        "{0}",
        "The doses of a drug over the whole plan (every phase, every cycle, plus prior exposure from the patient file) add up to more than the " +
        "lifetime maximum of the formulary or a `limit ... lifetime` line (doxorubicin: 550 mg/m2).",
        "doxorubicin 75 mg/m2 IV day 1   # in a cycle given 8 times: 600 mg/m2",
        "doxorubicin 75 mg/m2 IV day 1   # in a cycle given 6 times: 450 mg/m2");

    public static readonly DiagnosticDescriptor UnitSlip = new(
        "RL3006", "Dose far outside the usual range", Severity.Error,
        "{0}",
        "A dose 10, 100 or 1000 times the usual dose or the maximum of the formulary is almost always a slip: mg for mcg, g for mg, or a misplaced decimal point.",
        "blinatumomab 28 mg/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor CappedDrugWithoutCap = new(
        "RL3007", "Body-size dose of a capped drug without cap", Severity.Warning,
        "{0} has a maximum of {1} per administration but this dose is per {2} with no 'cap': add 'cap {1}'",
        "A drug whose single dose has an absolute maximum (vincristine 2 mg) and that is dosed by body surface or weight needs a `cap`, " +
        "or a large patient receives more than the maximum.",
        "vincristine 1.4 mg/m2 IV day 1",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg");

    public static readonly DiagnosticDescriptor HighDoseMethotrexateWithoutRescue = new(
        "RL3008", "High-dose methotrexate without leucovorin", Severity.Warning,
        "methotrexate {0} in cycle '{1}' is high-dose (>= 500 mg/m2) but the cycle has no leucovorin line or note",
        "High-dose methotrexate (500 mg/m2 or more) needs leucovorin rescue. Write the rescue as a leucovorin line or, when it is given per protocol, " +
        "as a note mentioning leucovorin on the methotrexate line.",
        "methotrexate 1000 mg/m2 IV over 24 h day 1",
        "methotrexate 1000 mg/m2 IV over 24 h day 1 note \"leucovorin rescue from hour 36 per protocol\"");

    // ---- RL4xxx: intervals --------------------------------------------------------------------

    public static readonly DiagnosticDescriptor MinimumInterval = new(
        "RL4001", "Doses too close together", Severity.Error,
        "{0}",
        "Two doses of a drug closer than its minimum interval (inotuzumab: 6 days; pegaspargase: 14 days), also across cycle boundaries.",
        "inotuzumab 0.5 mg/m2 IV days 1, 4",
        "inotuzumab 0.5 mg/m2 IV days 1, 8");

    public static readonly DiagnosticDescriptor TreatmentFreeInterval = new(
        "RL4002", "Treatment-free interval too short", Severity.Error,
        "{0}",
        "Some drugs need a treatment-free interval between cycles (blinatumomab: at least 14 days between the end of one infusion cycle and the start of the next).",
        "cycle blin length 35 days {\n  blinatumomab 28 mcg/day CIV days 1-28\n}",
        "cycle blin length 42 days {\n  blinatumomab 28 mcg/day CIV days 1-28\n}");

    // ---- RL5xxx: error-prone notation -----------------------------------------------------------

    public static readonly DiagnosticDescriptor TrailingZero = new(
        "RL5001", "Trailing zero", Severity.Warning,
        "write {0} instead of {1}: a trailing zero is read as ten times the dose when the point is missed",
        "ISMP's list of error-prone abbreviations: never write a trailing zero after a decimal point (2.0 mg is read as 20 mg).",
        "vincristine 2.0 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor MicrogramAbbreviation = new(
        "RL5002", "Microgram written as ug or µg", Severity.Warning,
        "write mcg instead of {0}: µg is misread as mg",
        "ISMP and the Joint Commission's do-not-use list: µg and ug are mistaken for mg (a thousand-fold overdose). Write mcg.",
        "blinatumomab 28 ug/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor UnitAbbreviation = new(
        "RL5003", "Units written as U or IU", Severity.Warning,
        "write units instead of {0}: U is misread as 0 or 4, IU as IV or 10",
        "Joint Commission do-not-use list: U and IU are misread (U as a zero, IU as IV). Write units.",
        "pegaspargase 2500 U/m2 IM day 4",
        "pegaspargase 2500 units/m2 IM day 4");

    public static readonly DiagnosticDescriptor DangerousFrequency = new(
        "RL5004", "qd or qod", Severity.Warning,
        "write {0} instead of {1}: {2}",
        "Joint Commission do-not-use list: qd (daily) and qod (every other day) are mistaken for each other and for qid. " +
        "Write daily, or list the days (days 1, 3, 5).",
        "mercaptopurine 50 mg PO qd days 1-28",
        "mercaptopurine 50 mg PO daily days 1-28");

    public static readonly DiagnosticDescriptor MissingSource = new(
        "RL5005", "No source", Severity.Warning,
        "the regimen names no source: add 'source:' lines (NCT number, doi:, pmid: or https:// URL) so that a reviewer can check each dose",
        "A regimen copied from a protocol says where from. Reviewers check doses against the source.",
        "regimen \"POMP\"\nid: pomp",
        "regimen \"POMP\"\nid: pomp\nsource: doi:10.2147/BTT.S202746");

    public static readonly DiagnosticDescriptor SuppressionWithoutReason = new(
        "RL5006", "Suppression without a reason", Severity.Warning,
        "this suppression gives no reason: write '# regimen-disable-next-line {0} -- <why this is intended>'",
        "`# regimen-disable-next-line CODE -- reason` silences a finding on the next line. The reason is required so that a reviewer " +
        "knows the finding was considered, not hidden.",
        "# regimen-disable-next-line RL3007\nvincristine 1.4 mg/m2 IV day 1",
        "# regimen-disable-next-line RL3007 -- pediatric protocol: cap applied by the pharmacy system\nvincristine 1.4 mg/m2 IV day 1");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "RL5007", "Invalid configuration", Severity.Error,
        "{0}",
        "regimen.yaml (found by walking up from the checked file) sets rule severities (`rules: { RL5001: off }`, with off, info, warning or error) " +
        "and default formulary files (`formulary: [local.yaml]`, relative to the configuration file). Unknown keys, codes and severities are errors.",
        "rules:\n  RL5001: silent",
        "rules:\n  RL5001: off");

    private static IEnumerable<DiagnosticDescriptor> Rules() =>
    [
        DayOutsideCycle, BadDayList, DosesDoNotFit, CycleNotInPhase, CycleGap, SameDrugTwice, OverlappingConditions, RateInfusionMismatch,
        ForbiddenRoute, OverMaxPerAdministration, OverMaxPerDay, OverMaxPerCycle, OverLifetimeMax, UnitSlip, CappedDrugWithoutCap,
        HighDoseMethotrexateWithoutRescue, MinimumInterval, TreatmentFreeInterval,
        TrailingZero, MicrogramAbbreviation, UnitAbbreviation, DangerousFrequency, MissingSource, SuppressionWithoutReason, InvalidConfiguration,
    ];
}
