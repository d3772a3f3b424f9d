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
    public static decimal? PrescribedIn(decimal? amount, DoseUnit? unit, DoseUnit limit) => DoseConversion.PrescribedIn(amount, unit, limit);

    public static decimal? PrescribedIn(DoseEvent e, DoseUnit limit) => PrescribedIn(e.Prescribed, e.Unit, limit);

    /// <summary>An absolute amount in the limit's mass unit, or null without a patient or in unlike units.</summary>
    public static decimal? AbsoluteIn(decimal? amount, MassUnit? unit, DoseUnit limit) => DoseConversion.AbsoluteIn(amount, unit, limit);

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
            : limit.Per == LimitPer.Administration || DoseConversion.Systemic(line.Routes.Select(r => r.Route));

    /// <summary>Whether a formulary value for <paramref name="route"/> (none: every route) concerns the line; an IV value covers CIV.</summary>
    public static bool OnRoute(Route? route, AdministrationLine line) =>
        route is not { } r || line.Routes.Any(x => x.Route == r || (r == Route.IV && x.Route == Route.CIV));

    public static bool Applies(EffectiveLimit limit, DoseEvent e) => Applies(limit, e.Line);

    public static string Format(decimal amount, DoseUnit unit) => $"{Units.Format(amount)} {unit.Canonical}";

    public static string Format(decimal amount, MassUnit mass) => $"{Units.Format(amount)} {DoseUnit.CanonicalMass(mass)}";
}
