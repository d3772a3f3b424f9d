using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- non-drug orders (RL2040) ---------------------------------------------------------------

    public static readonly DiagnosticDescriptor InvalidOrder = new(
        "RL2040", "Order that cannot be placed", DiagnosticFamily.Schedule, Severity.Error,
        [
            "the order \"{text}\" names no days: add 'day N', 'days N-M' or a timing such as '24 h after methotrexate starts'",
            "an order timed from another line takes its time from it: 'at' cannot be used with '{timing}'",
            "'(weekdays)' keeps the weekdays among an order's days; an order timed from another line follows it: '(weekdays)' cannot be used with '{timing}'",
        ],
        "An `order \"text\"` line (a drug level, a lab, hydration, a lumbar puncture, irradiation) is placed on the calendar like an " +
        "administration: on its days (`days 1-12`, at the first-dose time or at the clock times of `at`), or timed from an administration " +
        "of the same cycle or phase block (`24 h, 48 h, 72 h after mtx starts`, on each day that line is given). It needs one of the two, " +
        "and a timed order takes its clock time from its anchor, so `at` cannot go with a timing. `(weekdays)` after the days places the " +
        "order only on those that fall Monday to Friday for the patient's start date (`days 1-12 (weekdays)` from a Monday: 10 orders); a " +
        "timed order follows its anchor's days, so it takes no `(weekdays)`. Orders are never doses: no total, limit or " +
        "dose rule counts them.",
        "order \"CBC\"",
        "order \"CBC\" days 1, 8, 15");

    // ---- as-needed doses (RL3040) ----------------------------------------------------------------

    public static readonly DiagnosticDescriptor InvalidAsNeeded = new(
        "RL3040", "As-needed dose whose limits cannot be checked", DiagnosticFamily.DoseSafety, Severity.Error,
        [
            "{drug} is given as needed with no maximum: write '(at most N per day)' so that its limits can be checked",
            "{drug} is given as needed, so it takes no '{clause}': the doses are given when needed, at most N a day",
        ],
        "`DRUG DOSE ROUTE prn \"reason\" (at most N per day)` gives a drug as needed on the line's days (every day of the cycle or phase " +
        "without days). The timeline lists it as as-needed and no total counts it as given, but the per-day, per-cycle and lifetime limits " +
        "count it at its maximum: N doses on each of its days. Without `at most` there is no maximum to count; a frequency, a timing, " +
        "a ramp, a continuous infusion or several clock times would place doses the patient may never need.",
        "atropine 0.25 mg SC prn \"cholinergic syndrome\" days 1-2",
        "atropine 0.25 mg SC prn \"cholinergic syndrome\" (at most 1 per day) days 1-2");

    private static IEnumerable<DiagnosticDescriptor> OrderFamily() => [InvalidOrder, InvalidAsNeeded];
}

public static partial class Diagnose
{
    public static Diagnostic OrderWithoutDays(SourceSpan at, string text) => DiagnosticCatalog.InvalidOrder.Create(at, 0, ("text", text));

    public static Diagnostic AsNeededWithoutMaximum(SourceSpan at, string drug) => DiagnosticCatalog.InvalidAsNeeded.Create(at, 0, ("drug", drug));

    public static Diagnostic AsNeededWithSchedule(SourceSpan at, string drug, string clause) =>
        DiagnosticCatalog.InvalidAsNeeded.Create(at, 1, ("drug", drug), ("clause", clause));

    public static Diagnostic OrderAtWithTiming(SourceSpan at, string timing) => DiagnosticCatalog.InvalidOrder.Create(at, 1, ("timing", timing));

    public static Diagnostic OrderWeekdaysWithTiming(SourceSpan at, string timing) => DiagnosticCatalog.InvalidOrder.Create(at, 2, ("timing", timing));
}
