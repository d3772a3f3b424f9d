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
        // As-needed doses may not be given at all: the totals count what is given (the checker counts them at their maximum).
        entries = entries.RemoveAll(e => e.AsNeeded is not null);
        // One absolute unit per drug for the whole plan, so cycle and plan totals read alike.
        var unitOf = new Dictionary<string, MassUnit>(StringComparer.Ordinal);
        var drugOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            unitOf[e.Drug] = unitOf.TryGetValue(e.Drug, out var u) && Units.Compatible(u, e.Unit) ? Units.Smaller(u, e.Unit) : e.Unit;
            drugOrder.TryAdd(e.Drug, drugOrder.Count);
        }

        // One pass: a sum per cycle and drug, and one per drug for the plan (an expansion is thousands of entries).
        // Intrathecal doses are summed apart from the systemic ones (local exposure: 12 mg IT is not part of a high-dose IV total).
        var perCycleSums = new Dictionary<(int Cycle, string Drug, bool Intrathecal), Sum>();
        var planSums = new Dictionary<(string Drug, bool Intrathecal), Sum>();
        foreach (var e in entries)
        {
            var unit = unitOf[e.Drug];
            bool intrathecal = e.Routes.All(r => r == Route.IT);
            if (!perCycleSums.TryGetValue((e.CycleIndex, e.Drug, intrathecal), out var cycleSum))
            {
                cycleSum = new Sum(unit);
                perCycleSums[(e.CycleIndex, e.Drug, intrathecal)] = cycleSum;
            }
            if (!planSums.TryGetValue((e.Drug, intrathecal), out var planSum))
            {
                planSum = new Sum(unit);
                planSums[(e.Drug, intrathecal)] = planSum;
            }
            cycleSum.Add(e);
            planSum.Add(e);
        }

        var perCycle = ImmutableArray.CreateBuilder<DrugTotal>(perCycleSums.Count);
        foreach (var ((cycle, drug, intrathecal), sum) in perCycleSums.OrderBy(kv => kv.Key.Cycle).ThenBy(kv => drugOrder[kv.Key.Drug]).ThenBy(kv => kv.Key.Intrathecal))
        {
            perCycle.Add(Total(cycle, drug, sum, null, null) with { Intrathecal = intrathecal });
        }

        var plan = ImmutableArray.CreateBuilder<DrugTotal>();
        var priorByDrug = patient.Prior.GroupBy(p => p.Drug, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var ((drug, intrathecal), sum) in planSums.OrderBy(kv => kv.Key.Drug, StringComparer.Ordinal).ThenBy(kv => kv.Key.Intrathecal))
        {
            // Prior exposure joins the systemic total.
            PriorExposure? prior = null;
            if (!intrathecal)
            {
                priorByDrug.Remove(drug, out prior);
            }
            plan.Add(Total(null, drug, sum, prior, patient) with { Intrathecal = intrathecal });
        }
        // Prior exposure to a drug this plan does not give still belongs in the cumulative view.
        foreach (var prior in priorByDrug.Values.OrderBy(p => p.Drug, StringComparer.Ordinal))
        {
            plan.Add(Total(null, prior.Drug, new Sum(prior.Dose.Unit.Mass), prior, patient));
        }
        return (perCycle.ToImmutable(), plan.ToImmutable());
    }

    /// <summary>A running total of one drug: exact, in the drug's unit, and per prescribed unit in the order first met.</summary>
    private sealed class Sum(MassUnit unit)
    {
        public MassUnit Unit { get; } = unit;
        public decimal Absolute { get; private set; }
        public List<(string Unit, decimal Amount)> Prescribed { get; } = [];
        public int Count { get; private set; }

        public void Add(TimelineEntry e)
        {
            Count++;
            Absolute += Units.Convert(e.Amount, e.Unit, Unit);
            if (e.PrescribedAmount is { } p && e.PrescribedUnit is { } pu)
            {
                int at = Prescribed.FindIndex(x => x.Unit == pu);
                if (at < 0)
                {
                    Prescribed.Add((pu, p));
                }
                else
                {
                    Prescribed[at] = (pu, Prescribed[at].Amount + p);
                }
            }
        }
    }

    private static DrugTotal Total(int? cycleIndex, string drug, Sum sum, PriorExposure? prior, Patient? patient)
    {
        var unit = sum.Unit;
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
        return new DrugTotal(cycleIndex, drug, new Quantity(sum.Absolute, DoseUnit.CanonicalMass(unit)),
            [.. sum.Prescribed.Select(p => new Quantity(p.Amount, p.Unit))], priorQuantity, priorAbsolute, sum.Count);
    }
}
