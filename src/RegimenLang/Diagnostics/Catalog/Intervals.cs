using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL4xxx: intervals --------------------------------------------------------------------

    public static readonly DiagnosticDescriptor MinimumInterval = new(
        "RL4001", "Doses too close together", DiagnosticFamily.Intervals, Severity.Error,
        [
            "two {drug} doses fall on day {day} of cycle '{cycle}'{when}; at least {minimum} are required ({source})",
            "{drug} doses on days {firstDay} and {secondDay} of cycle '{cycle}' are {gap} apart{when}; at least {minimum} are required ({source})",
            "{drug} doses on day {firstDay} of cycle {firstCycle} ('{firstName}') and day {secondDay} of cycle {secondCycle} ('{secondName}') are {gap} apart{when}; at least {minimum} are required ({source})",
        ],
        "Two doses of a drug closer than its minimum interval (inotuzumab: 6 days; pegaspargase: 14 days), also across cycle boundaries.",
        "inotuzumab 0.5 mg/m2 IV days 1, 4",
        "inotuzumab 0.5 mg/m2 IV days 1, 8");

    public static readonly DiagnosticDescriptor TreatmentFreeInterval = new(
        "RL4002", "Treatment-free interval too short", DiagnosticFamily.Intervals, Severity.Error,
        "{drug}: only {free} between cycle {firstCycle} ('{firstName}') and cycle {secondCycle} ('{secondName}'){when}; at least {required} are required ({source})",
        "Some drugs need a treatment-free interval between cycles (blinatumomab: at least 14 days between the end of one infusion cycle and the start of the next).",
        "cycle blin length 35 days {\n  blinatumomab 28 mcg/day CIV days 1-28\n}",
        "cycle blin length 42 days {\n  blinatumomab 28 mcg/day CIV days 1-28\n}");

    private static IEnumerable<DiagnosticDescriptor> IntervalFamily() => [MinimumInterval, TreatmentFreeInterval];
}

public static partial class Diagnose
{
    private static string Days(int days) => Words.Count(days, "day");

    public static Diagnostic DosesSameDay(SourceSpan at, string drug, int day, string cycle, string when, int minimumDays, string source) =>
        DiagnosticCatalog.MinimumInterval.Create(at, 0, ("drug", drug), ("day", day), ("cycle", cycle), ("when", when),
            ("minimum", Days(minimumDays)), ("source", source));

    public static Diagnostic DosesTooCloseInCycle(SourceSpan at, string drug, int firstDay, int secondDay, string cycle, string gap, string when, int minimumDays, string source) =>
        DiagnosticCatalog.MinimumInterval.Create(at, 1, ("drug", drug), ("firstDay", firstDay), ("secondDay", secondDay), ("cycle", cycle),
            ("gap", gap), ("when", when), ("minimum", Days(minimumDays)), ("source", source));

    public static Diagnostic DosesTooCloseAcrossCycles(SourceSpan at, string drug, int firstDay, int firstCycle, string firstName, int secondDay,
        int secondCycle, string secondName, string gap, string when, int minimumDays, string source) =>
        DiagnosticCatalog.MinimumInterval.Create(at, 2, ("drug", drug), ("firstDay", firstDay), ("firstCycle", firstCycle), ("firstName", firstName),
            ("secondDay", secondDay), ("secondCycle", secondCycle), ("secondName", secondName), ("gap", gap), ("when", when),
            ("minimum", Days(minimumDays)), ("source", source));

    public static Diagnostic TreatmentFreeTooShort(SourceSpan at, string drug, int free, int firstCycle, string firstName, int secondCycle, string secondName,
        string when, int required, string source) =>
        DiagnosticCatalog.TreatmentFreeInterval.Create(at, ("drug", drug), ("free", Words.Count(free, "treatment-free day")),
            ("firstCycle", firstCycle), ("firstName", firstName), ("secondCycle", secondCycle), ("secondName", secondName), ("when", when),
            ("required", required), ("source", source));

    /// <summary>"3 days" or "20 hours".</summary>
    /// <summary>A time between doses in words: whole days, else whole hours, else minutes.</summary>
    public static string Gap(long minutes) =>
        minutes % (24 * 60) == 0 ? Words.Count(minutes / (24 * 60), "day")
        : minutes % 60 == 0 ? Words.Count(minutes / 60, "hour")
        : Words.Count(minutes, "minute");
}
