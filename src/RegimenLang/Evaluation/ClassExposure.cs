using System.Collections.Immutable;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Class totals of a timeline: for each formulary class that the plan gives a member of (anthracyclines), the systemic doses
/// of its members in equivalents of the reference drug, with prior exposure and the class's lifetime limit. The factor lookup,
/// the unit of a class and the conversions are the ones the checker's class limit rule (RL3013) uses.
/// </summary>
public static class ClassExposure
{
    /// <summary>How many units of the class's reference drug one unit of <paramref name="drug"/> counts as; null unless a source confirms it.</summary>
    public static decimal? ConfirmedFactor(DrugEntry drug, string className) =>
        Equivalent(drug, className) is { Unconfirmed: false } e ? e.Factor : null;

    /// <summary>The limits of a class that a rule may compare with: lifetime, confirmed, and applying to every patient.</summary>
    public static IEnumerable<DoseLimit> CheckedLimits(DrugClass drugClass) =>
        drugClass.Limits.Where(l => l.Per == LimitPer.Lifetime && l.When is null && !l.Unconfirmed);

    /// <summary>The class totals of a plan's entries, in class-name order; empty when the plan gives no member of any class.</summary>
    public static ImmutableArray<ClassTotal> Compute(ImmutableArray<TimelineEntry> entries, Patient patient, DrugFormulary formulary)
    {
        var totals = ImmutableArray.CreateBuilder<ClassTotal>();
        foreach (var drugClass in formulary.Classes)
        {
            var members = entries
                .Where(e => DoseConversion.Systemic(e.Routes))
                .Select(e => (Entry: e, Equivalent: formulary.Find(e.Drug) is { } drug ? Equivalent(drug, drugClass.Name) : null))
                .Where(x => x.Equivalent is not null)
                .GroupBy(x => x.Entry.Drug, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (members.Count > 0)
            {
                totals.Add(Total(drugClass, [.. members.Select(g => Contribution(g.Key, g.First().Equivalent!, [.. g.Select(x => x.Entry)], UnitOf(drugClass)))],
                    patient, formulary));
            }
        }
        return totals.ToImmutable();
    }

    /// <summary>The unit class amounts are counted in: the class's checked lifetime limit's (mg/m2 for anthracyclines), else mg/m2.</summary>
    public static DoseUnit UnitOf(DrugClass drugClass) =>
        (CheckedLimits(drugClass).FirstOrDefault() ?? drugClass.Limits.FirstOrDefault()) is { } limit
            ? limit.Max.Unit with { Rate = DoseRate.None }
            : new DoseUnit(MassUnit.Milligram, "mg", DoseBasis.PerSquareMetre, DoseRate.None, default);

    private static ClassEquivalent? Equivalent(DrugEntry drug, string className) =>
        drug.ClassEquivalents.FirstOrDefault(c => string.Equals(c.Class, className, StringComparison.OrdinalIgnoreCase));

    private static ClassContribution Contribution(string drug, ClassEquivalent equivalent, List<TimelineEntry> entries, DoseUnit unit)
    {
        decimal? prescribed = 0, absolute = 0;
        foreach (var e in entries)
        {
            var prescribedUnit = e.Prescribed is AmountDose dose ? dose.Unit with { Rate = DoseRate.None } : null;
            prescribed += DoseConversion.PrescribedIn(e.PrescribedAmount, prescribedUnit, unit);
            absolute += DoseConversion.AbsoluteIn(e.Amount, e.Unit, unit);
        }
        string mass = DoseUnit.CanonicalMass(unit.Mass);
        return new ClassContribution(drug, equivalent.Factor, !equivalent.Unconfirmed,
            prescribed is { } p ? new Quantity(p, unit.Canonical) : null,
            absolute is { } a ? new Quantity(a, mass) : null,
            entries.Count);
    }

    private static ClassTotal Total(DrugClass drugClass, List<ClassContribution> contributions, Patient patient, DrugFormulary formulary)
    {
        var unit = UnitOf(drugClass);
        string mass = DoseUnit.CanonicalMass(unit.Mass);
        var counted = contributions.Where(c => c.Counted).ToList();
        Quantity? total = counted.All(c => c.Equivalent is not null) ? new Quantity(counted.Sum(c => c.Equivalent!.Amount), unit.Canonical) : null;
        Quantity? totalAbsolute = counted.All(c => c.EquivalentAbsolute is not null) ? new Quantity(counted.Sum(c => c.EquivalentAbsolute!.Amount), mass) : null;

        decimal? FactorOf(string name) => formulary.Find(name) is { } drug ? ConfirmedFactor(drug, drugClass.Name) : null;
        var (symbolic, absolute, priorDrugs) = DoseConversion.Prior(patient, unit, FactorOf);
        // A sum that leaves out a prior in another basis, or one that cannot be made absolute, would read as complete: none is shown.
        var priors = patient.Prior.Where(p => priorDrugs.Contains(p.Drug)).ToList();
        bool symbolicComplete = priors.All(p => p.Dose.Unit.Basis == unit.Basis);
        bool absoluteComplete = priors.All(p => p.Dose.Unit.Basis switch
        {
            DoseBasis.PerSquareMetre => patient.Bsa is not null,
            DoseBasis.PerKilogram => patient.WeightKg is not null,
            _ => true,
        });

        var limit = CheckedLimits(drugClass).FirstOrDefault() is { } l
            ? new ClassLimitValue(new Quantity(l.Max.Amount.Value, (l.Max.Unit with { Rate = DoseRate.None }).Canonical), l.Source)
            : null;
        return new ClassTotal(drugClass.Name, drugClass.Reference, total, totalAbsolute, [.. contributions],
            priors.Count > 0 && symbolicComplete ? new Quantity(symbolic, unit.Canonical) : null,
            priors.Count > 0 && absoluteComplete ? new Quantity(absolute, mass) : null,
            [.. priors.Select(p => p.Drug).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            limit);
    }
}
