using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Doses brought into the unit of a limit or a class total: symbolic (like units only: mg/m2 with mg/m2) and absolute, and
/// the prior exposure of a patient file. One piece for the checker's limits and the timeline's class totals, so a total
/// printed with the timeline is the number the checker compared.
/// </summary>
public static class DoseConversion
{
    /// <summary>A prescribed amount in <paramref name="target"/>, or null when the units are not alike (another basis, units against mass).</summary>
    public static decimal? PrescribedIn(decimal? amount, DoseUnit? unit, DoseUnit target) =>
        amount is { } a && unit is { } u && u.Basis == target.Basis && Units.Compatible(u.Mass, target.Mass)
            ? Units.Convert(a, u.Mass, target.Mass)
            : null;

    /// <summary>An absolute amount in <paramref name="target"/>'s mass unit, or null when there is none or the units are unlike.</summary>
    public static decimal? AbsoluteIn(decimal? amount, MassUnit? unit, DoseUnit target) =>
        amount is { } a && unit is { } u && Units.Compatible(u, target.Mass) ? Units.Convert(a, u, target.Mass) : null;

    /// <summary>Whether a dose by these routes is systemic exposure: an intrathecal dose is local and never joins a cumulative total.</summary>
    public static bool Systemic(IEnumerable<Route> routes) => !routes.All(r => r == Route.IT);

    /// <summary>
    /// Prior exposure from the patient file in <paramref name="unit"/>: symbolic (priors on the same basis) and absolute (per m2
    /// and per kg priors made absolute with the patient's size). <paramref name="factorOf"/> says how much each prior drug counts
    /// (1 for the drug itself, a class factor for a class member; null: not counted).
    /// </summary>
    public static (decimal Symbolic, decimal Absolute, HashSet<string> Drugs) Prior(Patient patient, DoseUnit unit, Func<string, decimal?> factorOf)
    {
        decimal symbolic = 0, absolute = 0;
        var drugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var prior in patient.Prior)
        {
            var priorUnit = prior.Dose.Unit;
            if (factorOf(prior.Drug) is not { } factor || !Units.Compatible(priorUnit.Mass, unit.Mass))
            {
                continue;
            }
            decimal amount = Units.Convert(prior.Dose.Amount.Value, priorUnit.Mass, unit.Mass) * factor;
            drugs.Add(prior.Drug);
            if (priorUnit.Basis == unit.Basis)
            {
                symbolic += amount;
            }
            absolute += priorUnit.Basis switch
            {
                DoseBasis.PerSquareMetre when patient.Bsa is { } bsa => amount * bsa.Value,
                DoseBasis.PerKilogram when patient.WeightKg is { } kg => amount * kg,
                DoseBasis.Flat => amount,
                _ => 0,
            };
        }
        return (symbolic, absolute, drugs);
    }
}
