using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- until on administration lines (RL2041) --------------------------------------------------

    public static readonly DiagnosticDescriptor InvalidUntil = new(
        "RL2041", "Until clause that cannot be laid out", DiagnosticFamily.Schedule, Severity.Error,
        [
            "{drug} runs until {until} from one day: write its first day alone ('day {first}'), not '{days}'",
            "{drug} runs until {until} for a number of days, from its first day: add 'day N'",
            "{drug} is given as needed, so it takes no '{until}': 'prn' already says when it stops",
            "the expected course of {drug}, {expected} days, is longer than its longest, at most {atMost} days",
            "{drug} runs until {until} for at most {atMost} days from day {first}, past the last day of its {length}-day {container} (day {last})",
            "{drug} runs until {until} for a number of days: '{frequency}' picks its own days; use daily, bid, tid, qid or q<N>h",
            "the dose of {drug} changes at an event: write one event name after 'until', such as cmr, not '{condition}'",
            "'from day {day}' starts a line that runs until a condition; {drug} has none: write 'day {day}'",
        ],
        "An administration line takes `until` in two forms. `until CONDITION ([expect N days,] at most M days)` is a lab- or event-driven " +
        "duration (`filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 7 days, at most 14 days)`): the line starts on its one listed " +
        "day and goes on at its frequency for the expected N days in the timeline (the longest, M, without `expect`); the checker counts it " +
        "at M days. So it needs exactly one first day (not a range or a list, and not `prn`), a frequency that repeats each day (not " +
        "`weekly`, `every N days`, `throughout` or a counted `q<N>h x N`), an expected course no longer than the longest, and a longest " +
        "course that ends within its cycle or phase block; its first day may be written `from day 8`, which no other line takes. `until EVENT then DOSE` is a dose change on a response event " +
        "(`ponatinib 30 mg PO daily days 1-28 until cmr then 15 mg`): its event is one name, which a patient file's `events:` may date.",
        "filgrastim 5 mcg/kg SC daily days 8-14 until anc >= 1.0 (expect 7 days, at most 14 days)",
        "filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 7 days, at most 14 days)");

    private static IEnumerable<DiagnosticDescriptor> UntilFamily() => [InvalidUntil];
}

public static partial class Diagnose
{
    public static Diagnostic UntilOnSeveralDays(SourceSpan at, string drug, string until, int first, string days) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 0, ("drug", drug), ("until", until), ("first", first), ("days", days));

    public static Diagnostic UntilWithoutFirstDay(SourceSpan at, string drug, string until) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 1, ("drug", drug), ("until", until));

    public static Diagnostic UntilAsNeeded(SourceSpan at, string drug, string until) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 2, ("drug", drug), ("until", until));

    public static Diagnostic UntilExpectedOverLongest(SourceSpan at, string drug, int expected, int atMost) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 3, ("drug", drug), ("expected", expected), ("atMost", atMost));

    public static Diagnostic UntilPastContainer(SourceSpan at, string drug, string until, int atMost, int first, int length, string container) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 4, ("drug", drug), ("until", until), ("atMost", atMost), ("first", first), ("length", length),
            ("container", container), ("last", length));

    public static Diagnostic UntilWithSpanningFrequency(SourceSpan at, string drug, string until, string frequency) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 5, ("drug", drug), ("until", until), ("frequency", frequency));

    public static Diagnostic FromDayWithoutUntil(SourceSpan at, string drug, string day) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 7, ("drug", drug), ("day", day));

    public static Diagnostic UntilEventNotAName(SourceSpan at, string drug, string condition) =>
        DiagnosticCatalog.InvalidUntil.Create(at, 6, ("drug", drug), ("condition", condition));
}
