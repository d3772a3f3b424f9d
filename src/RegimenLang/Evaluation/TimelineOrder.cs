using System.Collections.Immutable;

namespace RegimenLang.Evaluation;

/// <summary>
/// One non-drug order of the timeline (<c>order "methotrexate level" 24 h after mtx starts</c>): when it falls, in which
/// cycle and day, its text and notes. Never a dose: no total, limit or dose rule counts it.
/// </summary>
/// <param name="CycleIndex">0-based index of the cycle instance in <see cref="Timeline.Cycles"/>.</param>
/// <param name="CycleDay">The listed day for an order placed by its own days; the calendar day of the cycle for a timed one.</param>
public sealed record TimelineOrder(
    DateTime When,
    int PlanDay,
    int CycleIndex,
    string Phase,
    int Cycle,
    int PhaseCycle,
    string CycleName,
    int CycleDay,
    string Text,
    ImmutableArray<string> Notes,
    int Line)
{
    /// <summary>The administration it was timed from, with this order's offset; null for an order placed by its own days.</summary>
    public EntryAnchor? Anchor { get; init; }

    public DateOnly Date => DateOnly.FromDateTime(When);
    public TimeOnly Time => TimeOnly.FromDateTime(When);
}
