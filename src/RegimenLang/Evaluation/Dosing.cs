using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>The computed dose of one administration (for a continuous infusion: of one calendar day).</summary>
/// <param name="PrescribedAmount">The prescribed quantity per administration (per day for rate doses) in <paramref name="PrescribedUnit"/>, e.g. 150 mg/m2; null for AUC doses.</param>
public sealed record DoseResult(decimal Amount, MassUnit Unit, decimal? PrescribedAmount, string? PrescribedUnit, ImmutableArray<DoseAdjustment> Adjustments);

/// <summary>
/// Dose arithmetic, all in System.Decimal: flat, per m2 (x BSA), per kg (x weight), AUC (Calvert),
/// rate doses per calendar day; then <c>round to</c> and last <c>cap</c>, so a cap always holds.
/// </summary>
public static class Dosing
{
    /// <summary>Calvert's GFR ceiling (mL/min): above it the formula overestimates carboplatin clearance.</summary>
    public const decimal CalvertGfrCap = 125m;

    /// <summary>Calvert: dose (mg) = AUC x (GFR + 25), GFR capped at 125 mL/min.</summary>
    public static decimal Calvert(decimal auc, decimal gfr) => auc * (Math.Min(gfr, CalvertGfrCap) + 25m);

    /// <summary>Rounds to the nearest multiple of <paramref name="step"/>, halves away from zero (dose banding).</summary>
    public static decimal RoundToMultiple(decimal value, decimal step) =>
        Math.Round(value / step, 0, MidpointRounding.AwayFromZero) * step;

    /// <summary>The dose of one administration of a complete line, or null with the problems (RL6001, RL6006).</summary>
    public static DoseResult? Compute(AdministrationLine line, Patient patient, IDiagnosticSink problems) => Compute(line, line.Dose!, patient, problems);

    /// <summary>
    /// The dose <paramref name="prescribed"/> of a line (the line's dose, or one step of its ramp) for the patient, with the
    /// line's <c>round to</c> and <c>cap</c>; a rate dose gives its amount per day (the caller takes the share an administration gives).
    /// </summary>
    public static DoseResult? Compute(AdministrationLine line, DoseSyntax prescribed, Patient patient, IDiagnosticSink problems)
    {
        var adjustments = ImmutableArray.CreateBuilder<DoseAdjustment>();
        decimal amount;
        MassUnit unit;
        decimal? prescribedAmount = null;
        string? prescribedUnit = null;
        bool perDay = false;

        switch (prescribed)
        {
            case AmountDose dose:
                unit = dose.Unit.Mass;
                decimal value = dose.Amount.Value;
                // A rate dose becomes the amount of one calendar day: /h runs for 24 h.
                if (dose.Unit.Rate == DoseRate.PerHour)
                {
                    value *= 24;
                }
                perDay = dose.Unit.Rate != DoseRate.None;
                prescribedAmount = value;
                prescribedUnit = DoseUnit.CanonicalMass(unit) + dose.Unit.Basis switch
                {
                    DoseBasis.PerSquareMetre => "/m2",
                    DoseBasis.PerKilogram => "/kg",
                    _ => "",
                };
                switch (dose.Unit.Basis)
                {
                    case DoseBasis.PerSquareMetre when patient.Bsa is { } bsa:
                        value *= bsa.Value;
                        break;
                    case DoseBasis.PerSquareMetre:
                        problems.Report(Diagnose.MissingFactForDose(dose.Span, dose.ToString(), BuiltInFacts.Bsa.Name, BuiltInFacts.Bsa.FlagHint));
                        return null;
                    case DoseBasis.PerKilogram when patient.WeightKg is { } kg:
                        value *= kg;
                        break;
                    case DoseBasis.PerKilogram:
                        problems.Report(Diagnose.MissingFactForDose(dose.Span, dose.ToString(), BuiltInFacts.Weight.Name, BuiltInFacts.Weight.FlagHint));
                        return null;
                }
                amount = value;
                break;
            case AucDose auc:
                if (patient.CrclMlPerMin is not { } crcl)
                {
                    problems.Report(Diagnose.MissingFactForDose(auc.Span, auc.ToString(), BuiltInFacts.Crcl.Name, BuiltInFacts.Crcl.FlagHint));
                    return null;
                }
                unit = MassUnit.Milligram;
                amount = Calvert(auc.Target.Value, crcl);
                if (crcl > CalvertGfrCap)
                {
                    adjustments.Add(new GfrCapped(crcl, CalvertGfrCap));
                }
                break;
            default:
                return null;
        }

        if (line.Round is { } round)
        {
            if (LimitIn(round.Step, "round to", unit, perDay, problems) is not { } step)
            {
                return null;
            }
            decimal rounded = RoundToMultiple(amount, step);
            if (rounded != amount)
            {
                adjustments.Add(new Rounded(round.Step, amount, unit, perDay));
                amount = rounded;
            }
        }
        if (line.Cap is { } cap)
        {
            if (LimitIn(cap.Limit, "cap", unit, perDay, problems) is not { } max)
            {
                return null;
            }
            if (amount > max)
            {
                adjustments.Add(new Capped(cap.Limit, amount, unit, perDay));
                amount = max;
            }
        }
        return new DoseResult(amount, unit, prescribedAmount, prescribedUnit, adjustments.ToImmutable());
    }

    /// <summary>A cap or rounding step in the dose's unit (per day for rate doses), or null with RL6006.</summary>
    private static decimal? LimitIn(AmountDose limit, string keyword, MassUnit unit, bool perDay, IDiagnosticSink problems)
    {
        string clause = $"{keyword} {limit}";
        Diagnostic? problem = null;
        if (limit.Unit.Basis != DoseBasis.Flat)
        {
            problem = Diagnose.LimitNotAbsolute(limit.Span, clause);
        }
        else if (!Units.Compatible(limit.Unit.Mass, unit))
        {
            problem = Diagnose.LimitInOtherUnit(limit.Span, clause, DoseUnit.CanonicalMass(limit.Unit.Mass), DoseUnit.CanonicalMass(unit));
        }
        else if (limit.Unit.Rate != DoseRate.None && !perDay)
        {
            problem = Diagnose.RateLimitOnPlainDose(limit.Span, clause);
        }
        if (problem is not null)
        {
            problems.Report(problem);
            return null;
        }
        // On a rate dose a cap compares daily amounts: "cap 9 mcg/day" and "cap 9 mcg" both cap the day's amount.
        decimal value = limit.Unit.Rate == DoseRate.PerHour ? limit.Amount.Value * 24 : limit.Amount.Value;
        return Units.Convert(value, limit.Unit.Mass, unit);
    }
}
