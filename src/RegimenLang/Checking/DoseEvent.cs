using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>
/// One administration in the laid-out plan, as the limit and interval rules see it: where and when,
/// the prescribed amount (per administration; a rate dose gives its amount per day), and with a real
/// patient the computed absolute amount.
/// </summary>
/// <param name="PlanDay">1-based day of the plan the dose belongs to (0 and below before day 1).</param>
/// <param name="StartMinutes">Minutes from midnight of plan day 1.</param>
/// <param name="DurationMinutes">How long the dose runs (an infusion); null when it is given at once.</param>
/// <param name="Prescribed">The amount as prescribed for this administration, in <see cref="Unit"/> (mass, basis; rate removed).</param>
/// <param name="Absolute">The computed dose (mass only), with a real patient.</param>
public sealed record DoseEvent(
    BoundAdministration Administration,
    CycleInstance Instance,
    int InstanceIndex,
    int PlanDay,
    int CycleDay,
    long StartMinutes,
    long? DurationMinutes,
    decimal? Prescribed,
    DoseUnit? Unit,
    decimal? Absolute,
    MassUnit? AbsoluteUnit)
{
    /// <summary>The clock time came from the patient's first-dose time, not from the line (<c>at</c> or a timing): only the day is meant.</summary>
    public bool DefaultTime { get; init; }

    /// <summary>The line this dose was timed from (<c>after X</c>), or null.</summary>
    public AdministrationLine? Anchor { get; init; }

    /// <summary>
    /// Not laid out: a further repeat of an open-ended course with no maximum, which the lifetime rule carries on past the
    /// course laid out until the maximum is reached (the sum stops there).
    /// </summary>
    public bool Extrapolated { get; init; }

    public AdministrationLine Line => Administration.Line;
    public string Drug => Administration.DrugName;

    public long EndMinutes => StartMinutes + (DurationMinutes ?? 0);
}
