using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>Comparisons of doses with limits: symbolic (like units: mg/m2 with mg/m2) and absolute (with a patient).</summary>
public static class DoseArithmetic
{
    /// <summary>The prescribed amount of an event in the limit's unit, or null when the units are not alike.</summary>
    public static decimal? PrescribedIn(DoseEvent e, DoseUnit limit) =>
        e.Prescribed is { } amount && e.Unit is { } unit && unit.Basis == limit.Basis && Units.Compatible(unit.Mass, limit.Mass)
            ? Units.Convert(amount, unit.Mass, limit.Mass)
            : null;

    /// <summary>The absolute amount of an event in the limit's mass unit, or null without a patient or in unlike units.</summary>
    public static decimal? AbsoluteIn(DoseEvent e, DoseUnit limit) =>
        e.Absolute is { } amount && e.AbsoluteUnit is { } unit && Units.Compatible(unit, limit.Mass)
            ? Units.Convert(amount, unit, limit.Mass)
            : null;

    /// <summary>The limit as an absolute amount for the patient (per m2 times BSA, per kg times weight), or null.</summary>
    public static decimal? AbsoluteLimit(EffectiveLimit limit, Patient? patient) => limit.Unit.Basis switch
    {
        DoseBasis.Flat => limit.Max.Amount.Value,
        DoseBasis.PerSquareMetre when patient?.Bsa is { } bsa => limit.Max.Amount.Value * bsa.Value,
        DoseBasis.PerKilogram when patient?.WeightKg is { } kg => limit.Max.Amount.Value * kg,
        _ => null,
    };

    /// <summary>Whether the limit applies to an event's route (a limit without a route applies to every route).</summary>
    public static bool Applies(EffectiveLimit limit, DoseEvent e) =>
        limit.Route is not { } route || e.Line.Routes.Any(r => r.Route == route || (route == Route.IV && r.Route == Route.CIV));

    public static string Format(decimal amount, DoseUnit unit) => $"{Units.Format(amount)} {unit.Canonical}";

    public static string Format(decimal amount, MassUnit mass) => $"{Units.Format(amount)} {DoseUnit.CanonicalMass(mass)}";
}
