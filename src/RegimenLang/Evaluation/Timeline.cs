using System.Collections.Immutable;

namespace RegimenLang.Evaluation;

/// <summary>One administration of the timeline (LANGUAGE.md §7 and the JSON contract of §10).</summary>
/// <param name="CycleIndex">0-based index of the cycle instance in <see cref="Timeline.Cycles"/>.</param>
/// <param name="Amount">The exact computed dose in <paramref name="Unit"/> (rounded only when printed).</param>
/// <param name="Prescribed">The dose as written, e.g. "150 mg/m2".</param>
/// <param name="PrescribedAmount">The prescribed quantity of this entry in <paramref name="PrescribedUnit"/> (rate doses per day), for totals in the prescribed unit; null for AUC doses.</param>
public sealed record TimelineEntry(
    DateTime When,
    int PlanDay,
    int CycleIndex,
    string Phase,
    int Cycle,
    int PhaseCycle,
    string CycleName,
    int CycleDay,
    string Drug,
    string Route,
    ImmutableArray<string> Routes,
    string Prescribed,
    decimal Amount,
    string Unit,
    decimal? PrescribedAmount,
    string? PrescribedUnit,
    string? Duration,
    int? DoseNumber,
    int? DoseCount,
    ImmutableArray<string> Adjustments,
    ImmutableArray<string> Notes,
    int Line)
{
    public DateOnly Date => DateOnly.FromDateTime(When);
    public TimeOnly Time => TimeOnly.FromDateTime(When);
}

/// <summary>One cycle instance of the expanded plan, or a <c>rest</c> gap (<see cref="IsRest"/>).</summary>
/// <param name="StartDay">0-based plan day of its first day.</param>
public sealed record CycleInstance(
    string Phase,
    int Cycle,
    int PhaseCycle,
    string CycleName,
    string? CycleTitle,
    int StartDay,
    int LengthDays,
    bool IsRest);

/// <summary>An amount in a unit (for totals).</summary>
public sealed record Quantity(decimal Amount, string Unit);

/// <summary>
/// A drug's total over a cycle or the whole plan: the absolute amount (in the smallest unit the drug's
/// entries use, so g and mg add up exactly) and the same in each prescribed unit (e.g. 0.9 mg/m2).
/// </summary>
/// <param name="CycleIndex">The cycle instance, or null for the whole plan.</param>
/// <param name="Prior">Exposure before the plan (plan totals only), as written in the patient file.</param>
/// <param name="PriorAbsolute">The prior exposure in absolute units, when it can be computed.</param>
public sealed record DrugTotal(
    int? CycleIndex,
    string Drug,
    Quantity Absolute,
    ImmutableArray<Quantity> Prescribed,
    Quantity? Prior,
    Quantity? PriorAbsolute,
    int Administrations)
{
    /// <summary>The plan's absolute total plus the prior exposure, when the prior could be made absolute.</summary>
    public Quantity? CumulativeAbsolute => PriorAbsolute is { } prior ? new Quantity(Absolute.Amount + prior.Amount, Absolute.Unit) : null;

    /// <summary>The total in the prior's prescribed unit plus the prior (e.g. 100 + 150 mg/m2), when the units match.</summary>
    public Quantity? CumulativePrescribed => Prior is { } prior
        ? new Quantity(prior.Amount + Prescribed.Where(q => q.Unit == prior.Unit).Sum(q => q.Amount), prior.Unit)
        : null;
}

/// <summary>The expanded regimen for one patient: cycles in order, entries in clock order, totals.</summary>
public sealed record Timeline(
    string Title,
    string Id,
    string File,
    Patient Patient,
    ImmutableArray<CycleInstance> Cycles,
    ImmutableArray<TimelineEntry> Entries,
    ImmutableArray<DrugTotal> CycleTotals,
    ImmutableArray<DrugTotal> PlanTotals);
