using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Facts;

/// <summary>Where a record of the treatment as given was written (patient file and line), for findings about it.</summary>
public sealed record RecordOrigin(string File, int Line, int Column);

/// <summary>Cycle <see cref="Cycle"/> of the plan (numbered from 1 as the timeline numbers them) and every one after it started <see cref="Days"/> days late.</summary>
public sealed record CycleDelay(int Cycle, int Days, string? Reason, RecordOrigin Origin);

/// <summary>From cycle <see cref="FromCycle"/> of the plan on, <see cref="Drug"/> is given at <see cref="Level"/>, or not at all (<see cref="Stop"/>).</summary>
public sealed record DrugChange(string Drug, int FromCycle, int? Level, bool Stop, string? Reason, RecordOrigin Origin);

/// <summary>What was given of <see cref="Drug"/> on day <see cref="Day"/> of plan cycle <see cref="Cycle"/>: <see cref="Amount"/>, or nothing when it is null.</summary>
public sealed record GivenDose(string Drug, int Cycle, int Day, AmountDose? Amount, string? Reason, RecordOrigin Origin);

/// <summary>
/// The treatment as given so far (<c>given:</c> in a patient file): cycles delayed, drugs reduced or stopped from a cycle on,
/// doses recorded as given (an amount, or not given). The evaluator lays out the rest of the plan from these facts and the
/// checker counts exposure on them; <see cref="AsOf"/> (or <c>--as-of</c>) divides the timeline into given and planned.
/// </summary>
public sealed record TreatmentRecord(ImmutableArray<CycleDelay> Delays, ImmutableArray<DrugChange> Changes, ImmutableArray<GivenDose> Doses, DateOnly? AsOf)
{
    public static readonly TreatmentRecord None = new([], [], [], null);

    public bool IsEmpty => Delays.IsEmpty && Changes.IsEmpty && Doses.IsEmpty && AsOf is null;

    /// <summary>Days the start of plan cycle <paramref name="cycle"/> moved (every delay of it or of an earlier cycle).</summary>
    public int ShiftOf(int cycle) => Delays.Where(d => d.Cycle <= cycle).Sum(d => d.Days);

    /// <summary>The change in force for the drug in plan cycle <paramref name="cycle"/> (the latest one begun by then), or null.</summary>
    public DrugChange? ChangeOf(string drug, int cycle)
    {
        // Asked for every laid-out dose of every checker scenario: a plain loop, no enumerator, and nothing to do for a plan as written.
        DrugChange? latest = null;
        foreach (var c in Changes)
        {
            if (c.FromCycle <= cycle && (latest is null || c.FromCycle > latest.FromCycle) && string.Equals(c.Drug, drug, StringComparison.OrdinalIgnoreCase))
            {
                latest = c;
            }
        }
        return latest;
    }

    /// <summary>The recorded dose of the drug on that day of that cycle, or null when none is recorded.</summary>
    public GivenDose? DoseOf(string drug, int cycle, int day)
    {
        foreach (var d in Doses)
        {
            if (d.Cycle == cycle && d.Day == day && string.Equals(d.Drug, drug, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }
        return null;
    }
}
