using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Evaluation;

/// <summary>What the record says of one laid-out dose: given as planned, given at a recorded amount, or left out.</summary>
public enum RecordedDose
{
    AsPlanned,
    Recorded,
    LeftOut,
}

/// <summary>
/// The plan as the treatment went (<see cref="TreatmentRecord"/>): cycles moved by their delays, a drug's doses left out from the
/// cycle it was stopped in (or moved to an omitting level), a dose recorded as not given left out, one given at another amount
/// dosed at that amount. The evaluator and the checker both lay the plan out through this, so exposure is counted on what was
/// given and what remains.
/// </summary>
public static class AsGivenPlan
{
    /// <summary>The cycle instances with every delay applied: a cycle, and everything after it, starts later (a rest moves with the cycle before it).</summary>
    public static ImmutableArray<CycleInstance> Shift(ImmutableArray<CycleInstance> instances, TreatmentRecord record)
    {
        if (record.Delays.IsEmpty)
        {
            return instances;
        }
        var shifted = ImmutableArray.CreateBuilder<CycleInstance>(instances.Length);
        int cycle = 0;
        foreach (var instance in instances)
        {
            cycle = instance.IsRest ? cycle : instance.Cycle;
            shifted.Add(instance with { StartDay = instance.StartDay + record.ShiftOf(cycle) });
        }
        return shifted.MoveToImmutable();
    }

    /// <summary>How the record treats one laid-out dose.</summary>
    public static RecordedDose Of(PlacedDose dose, TreatmentRecord record, LevelSelection levels)
    {
        if (record.IsEmpty)
        {
            return RecordedDose.AsPlanned;
        }
        string drug = dose.Administration.DrugName;
        if (record.ChangeOf(drug, dose.Instance.Cycle) is { Stop: true } || levels.OmittedIn(dose))
        {
            return RecordedDose.LeftOut;
        }
        return record.DoseOf(drug, dose.Instance.Cycle, dose.CycleDay) switch
        {
            null => RecordedDose.AsPlanned,
            { Amount: null } => RecordedDose.LeftOut,
            _ => RecordedDose.Recorded,
        };
    }

    /// <summary>The recorded amount of a dose (<see cref="RecordedDose.Recorded"/>), in its mass unit.</summary>
    public static (decimal Amount, MassUnit Unit) AmountOf(PlacedDose dose, TreatmentRecord record)
    {
        var given = record.DoseOf(dose.Administration.DrugName, dose.Instance.Cycle, dose.CycleDay)!.Amount!;
        return (given.Amount.Value, given.Unit.Mass);
    }

    /// <summary>RL6032: records that name a cycle the plan does not have, or a dose the plan does not give.</summary>
    public static IEnumerable<Diagnostic> Unmatched(TreatmentRecord record, ImmutableArray<CycleInstance> instances, ImmutableArray<PlacedDose> doses)
    {
        int cycles = instances.Count(i => !i.IsRest);
        foreach (var (cycle, origin) in record.Delays.Select(d => (d.Cycle, d.Origin)).Concat(record.Changes.Select(c => (c.FromCycle, c.Origin))))
        {
            if (cycle > cycles)
            {
                yield return Diagnose.RecordCycleOutsidePlan(At(origin), cycles, cycle) with { File = origin.File };
            }
        }
        foreach (var given in record.Doses)
        {
            if (!doses.Any(d => d.Instance.Cycle == given.Cycle && d.CycleDay == given.Day
                && string.Equals(d.Administration.DrugName, given.Drug, StringComparison.OrdinalIgnoreCase)))
            {
                yield return given.Cycle > cycles
                    ? Diagnose.RecordCycleOutsidePlan(At(given.Origin), cycles, given.Cycle) with { File = given.Origin.File }
                    : Diagnose.RecordDoseNotPlanned(At(given.Origin), given.Drug, given.Day, given.Cycle) with { File = given.Origin.File };
            }
        }
    }

    private static SourceSpan At(RecordOrigin origin) => new(0, 0, origin.Line, origin.Column);
}
