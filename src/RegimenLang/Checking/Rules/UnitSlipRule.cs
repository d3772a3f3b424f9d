using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3006: a dose ten or more times the formulary's usual dose (or a tenth or less of it), or ten or
/// more times its maximum, in like units. Such factors are what a mg/mcg or g/mg swap or a misplaced
/// decimal point produce, so the message names the likely slip.
/// </summary>
public sealed class UnitSlipRule : ICheckRule
{
    private const decimal Factor = 10m;

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.UnitSlip];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            if (administration.Drug is not { } drug || DoseEventBuilder.Prescribed(administration.Dose) is not ({ } amount, { } unit))
            {
                continue;
            }
            var line = administration.Line;
            Diagnostic? finding = null;
            foreach (var usual in drug.Usual.Where(u => Alike(u.Dose.Unit, unit) && RouteMatches(u.Route, line)))
            {
                decimal reference = Units.Convert(usual.Dose.Amount.Value, usual.Dose.Unit.Mass, unit.Mass);
                if (reference > 0 && (amount >= reference * Factor || amount * Factor <= reference))
                {
                    finding = Diagnose.UnitSlipAgainstUsual(administration.Dose.Span, drug.Name, administration.Dose.ToString()!, Ratio(amount, reference),
                        usual.Dose.ToString(), usual.Source, Hint(amount, reference, unit.Mass));
                    break;
                }
            }
            if (finding is null)
            {
                foreach (var limit in drug.Limits.Where(l => l.Per is LimitPer.Administration or LimitPer.Day && Alike(l.Max.Unit, unit) && RouteMatches(l.Route, line)))
                {
                    decimal reference = Units.Convert(limit.Max.Amount.Value, limit.Max.Unit.Mass, unit.Mass);
                    if (reference > 0 && amount >= reference * Factor)
                    {
                        var maxUnit = limit.Max.Unit with { Rate = DoseRate.None };
                        finding = Diagnose.UnitSlipAgainstMaximum(administration.Dose.Span, drug.Name, administration.Dose.ToString()!, Ratio(amount, reference),
                            $"{limit.Max.Amount.Text} {maxUnit}", EffectiveLimit.Name(limit.Per), limit.Source, Hint(amount, reference, unit.Mass));
                        break;
                    }
                }
            }
            if (finding is not null)
            {
                context.Report(finding);
            }
        }
    }

    private static bool Alike(DoseUnit a, DoseUnit b) => a.Basis == b.Basis && Units.Compatible(a.Mass, b.Mass);

    private static bool RouteMatches(Route? route, AdministrationLine line) => DoseArithmetic.OnRoute(route, line);

    private static string Ratio(decimal amount, decimal reference) =>
        amount >= reference ? Phrases.TimesOf(Units.Format(amount / reference)) : Phrases.FractionOf(Units.Format(reference / amount));

    /// <summary>The slip that would explain the factor: a unit one step off, or a decimal point.</summary>
    private static string Hint(decimal amount, decimal reference, MassUnit mass)
    {
        decimal ratio = amount / reference;
        bool thousand = ratio is >= 300 and <= 3000 || ratio is > 0 and <= 1m / 300 and >= 1m / 3000;
        if (thousand && mass != MassUnit.Unit)
        {
            var other = ratio > 1 ? Smaller(mass) : Larger(mass);
            if (other is { } o)
            {
                return Phrases.UnitWrittenFor(DoseUnit.CanonicalMass(mass), DoseUnit.CanonicalMass(o));
            }
        }
        return Phrases.DecimalOrUnit;
    }

    private static MassUnit? Smaller(MassUnit mass) => mass switch
    {
        MassUnit.Gram => MassUnit.Milligram,
        MassUnit.Milligram => MassUnit.Microgram,
        MassUnit.Microgram => MassUnit.Nanogram,
        _ => null,
    };

    private static MassUnit? Larger(MassUnit mass) => mass switch
    {
        MassUnit.Nanogram => MassUnit.Microgram,
        MassUnit.Microgram => MassUnit.Milligram,
        MassUnit.Milligram => MassUnit.Gram,
        _ => null,
    };
}
