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
        ],
        "An `order \"text\"` line (a drug level, a lab, hydration, a lumbar puncture, irradiation) is placed on the calendar like an " +
        "administration: on its days (`days 1-12`, at the first-dose time or at the clock times of `at`), or timed from an administration " +
        "of the same cycle or phase block (`24 h, 48 h, 72 h after mtx starts`, on each day that line is given). It needs one of the two, " +
        "and a timed order takes its clock time from its anchor, so `at` cannot go with a timing. Orders are never doses: no total, limit or " +
        "dose rule counts them.",
        "order \"CBC\"",
        "order \"CBC\" days 1, 8, 15");

    private static IEnumerable<DiagnosticDescriptor> OrderFamily() => [InvalidOrder];
}

public static partial class Diagnose
{
    public static Diagnostic OrderWithoutDays(SourceSpan at, string text) => DiagnosticCatalog.InvalidOrder.Create(at, 0, ("text", text));

    public static Diagnostic OrderAtWithTiming(SourceSpan at, string timing) => DiagnosticCatalog.InvalidOrder.Create(at, 1, ("timing", timing));
}
