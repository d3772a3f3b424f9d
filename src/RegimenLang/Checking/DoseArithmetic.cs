using RegimenLang.Semantics.Formulary;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>Comparisons of doses with limits: symbolic (like units: mg/m2 with mg/m2) and absolute (with a patient).</summary>
public static class DoseArithmetic
{
    /// <summary>A prescribed amount in the limit's unit, or null when the units are not alike.</summary>
    public static decimal? PrescribedIn(decimal? amount, DoseUnit? unit, DoseUnit limit) =>
        amount is { } a && unit is { } u && u.Basis == limit.Basis && Units.Compatible(u.Mass, limit.Mass)
            ? Units.Convert(a, u.Mass, limit.Mass)
            : null;

    public static decimal? PrescribedIn(DoseEvent e, DoseUnit limit) => PrescribedIn(e.Prescribed, e.Unit, limit);

    /// <summary>An absolute amount in the limit's mass unit, or null without a patient or in unlike units.</summary>
    public static decimal? AbsoluteIn(decimal? amount, MassUnit? unit, DoseUnit limit) =>
        amount is { } a && unit is { } u && Units.Compatible(u, limit.Mass) ? Units.Convert(a, u, limit.Mass) : null;

    public static decimal? AbsoluteIn(DoseEvent e, DoseUnit limit) => AbsoluteIn(e.Absolute, e.AbsoluteUnit, limit);

    /// <summary>The limit as an absolute amount for the patient (per m2 times BSA, per kg times weight), or null.</summary>
    public static decimal? AbsoluteLimit(EffectiveLimit limit, Patient? patient) => limit.Unit.Basis switch
    {
        DoseBasis.Flat => limit.Max.Amount.Value,
        DoseBasis.PerSquareMetre when patient?.Bsa is { } bsa => limit.Max.Amount.Value * bsa.Value,
        DoseBasis.PerKilogram when patient?.WeightKg is { } kg => limit.Max.Amount.Value * kg,
        _ => null,
    };

    /// <summary>
    /// Whether the limit applies to a line's route. A limit with a route applies to that route (IV to CIV too). One without
    /// applies to every route per administration, but a sum (per day, cycle, lifetime) counts systemic exposure only: an
    /// intrathecal dose is local, so 12 mg of methotrexate IT is not added to the high-dose IV total (IT has its own limits).
    /// </summary>
    public static bool Applies(EffectiveLimit limit, AdministrationLine line) =>
        limit.Route is { } route
            ? OnRoute(route, line)
            : limit.Per == LimitPer.Administration || !line.Routes.All(r => r.Route == Route.IT);

    /// <summary>Whether a formulary value for <paramref name="route"/> (none: every route) concerns the line; an IV value covers CIV.</summary>
    public static bool OnRoute(Route? route, AdministrationLine line) =>
        route is not { } r || line.Routes.Any(x => x.Route == r || (r == Route.IV && x.Route == Route.CIV));

    public static bool Applies(EffectiveLimit limit, DoseEvent e) => Applies(limit, e.Line);

    public static string Format(decimal amount, DoseUnit unit) => $"{Units.Format(amount)} {unit.Canonical}";

    public static string Format(decimal amount, MassUnit mass) => $"{Units.Format(amount)} {DoseUnit.CanonicalMass(mass)}";

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
