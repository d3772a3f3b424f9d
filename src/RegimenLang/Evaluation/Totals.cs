using System.Collections.Immutable;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Totals per drug per cycle and for the whole plan, summed exactly (decimal) from the entries, in
/// the absolute unit and in each prescribed unit. Amounts are summed in the smallest unit the drug
/// uses anywhere in the plan (cytarabine 0.5 g/m2 IV and 100 mg IT add up in mg).
/// </summary>
public static class Totals
{
    public static (ImmutableArray<DrugTotal> PerCycle, ImmutableArray<DrugTotal> Plan) Compute(ImmutableArray<TimelineEntry> entries, Patient patient)
    {
        // One absolute unit per drug for the whole plan, so cycle and plan totals read alike.
        var unitOf = new Dictionary<string, MassUnit>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            unitOf[e.Drug] = unitOf.TryGetValue(e.Drug, out var u) && Units.Compatible(u, e.Unit) ? Units.Smaller(u, e.Unit) : e.Unit;
        }

        var drugOrder = entries.Select(e => e.Drug).Distinct().ToList();
        var perCycle = ImmutableArray.CreateBuilder<DrugTotal>();
        foreach (var group in entries.GroupBy(e => e.CycleIndex).OrderBy(g => g.Key))
        {
            foreach (var drug in group.GroupBy(e => e.Drug).OrderBy(g => drugOrder.IndexOf(g.Key)))
            {
                perCycle.Add(Sum(group.Key, drug.Key, [.. drug], unitOf[drug.Key], null, null));
            }
        }

        var plan = ImmutableArray.CreateBuilder<DrugTotal>();
        var priorByDrug = patient.Prior.GroupBy(p => p.Drug, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var drug in entries.GroupBy(e => e.Drug).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            priorByDrug.Remove(drug.Key, out var prior);
            plan.Add(Sum(null, drug.Key, [.. drug], unitOf[drug.Key], prior, patient));
        }
        // Prior exposure to a drug this plan does not give still belongs in the cumulative view.
        foreach (var prior in priorByDrug.Values.OrderBy(p => p.Drug, StringComparer.Ordinal))
        {
            plan.Add(Sum(null, prior.Drug, [], prior.Dose.Unit.Mass, prior, patient));
        }
        return (perCycle.ToImmutable(), plan.ToImmutable());
    }

    private static DrugTotal Sum(int? cycleIndex, string drug, List<TimelineEntry> entries, MassUnit unit, PriorExposure? prior, Patient? patient)
    {
        decimal absolute = 0;
        var prescribed = new List<(string Unit, decimal Amount)>();
        foreach (var e in entries)
        {
            absolute += Units.Convert(e.Amount, e.Unit, unit);
            if (e.PrescribedAmount is { } p && e.PrescribedUnit is { } pu)
            {
                int at = prescribed.FindIndex(x => x.Unit == pu);
                if (at < 0)
                {
                    prescribed.Add((pu, p));
                }
                else
                {
                    prescribed[at] = (pu, prescribed[at].Amount + p);
                }
            }
        }

        Quantity? priorQuantity = null, priorAbsolute = null;
        if (prior is not null && patient is not null)
        {
            var doseUnit = prior.Dose.Unit;
            string basis = doseUnit.Basis switch { DoseBasis.PerSquareMetre => "/m2", DoseBasis.PerKilogram => "/kg", _ => "" };
            priorQuantity = new Quantity(prior.Dose.Amount.Value, DoseUnit.CanonicalMass(doseUnit.Mass) + basis);
            // Prior exposure per m2 or per kg becomes absolute with today's BSA or weight: an estimate, stated as such in the docs.
            decimal? factor = doseUnit.Basis switch
            {
                DoseBasis.PerSquareMetre => patient.Bsa?.Value,
                DoseBasis.PerKilogram => patient.WeightKg,
                _ => 1m,
            };
            if (factor is { } f && Units.Compatible(doseUnit.Mass, unit))
            {
                priorAbsolute = new Quantity(Units.Convert(prior.Dose.Amount.Value * f, doseUnit.Mass, unit), DoseUnit.CanonicalMass(unit));
            }
        }
        return new DrugTotal(cycleIndex, drug, new Quantity(absolute, DoseUnit.CanonicalMass(unit)),
            [.. prescribed.Select(p => new Quantity(p.Amount, p.Unit))], priorQuantity, priorAbsolute, entries.Count);
    }
}
