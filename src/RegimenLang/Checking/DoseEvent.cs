using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>
/// One administration in the laid-out plan, as the limit and interval rules see it: where and when,
/// the prescribed amount (per administration; a rate dose gives its amount per day), and with a real
/// patient the computed absolute amount.
/// </summary>
/// <param name="PlanDay">1-based treatment day of the plan.</param>
/// <param name="Hours">Hours from the first-dose time of plan day 1.</param>
/// <param name="Prescribed">The amount as prescribed for this administration, in <see cref="Unit"/> (mass, basis; rate removed).</param>
/// <param name="Absolute">The computed dose (mass only), with a real patient.</param>
public sealed record DoseEvent(
    BoundAdministration Administration,
    CycleInstance Instance,
    int InstanceIndex,
    int PlanDay,
    int CycleDay,
    int Hours,
    decimal? Prescribed,
    DoseUnit? Unit,
    decimal? Absolute,
    MassUnit? AbsoluteUnit)
{
    public AdministrationLine Line => Administration.Line;
    public string Drug => Administration.DrugName;
}
