using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3006: a dose ten or more times the formulary's usual dose (or a tenth or less of it), or ten or
/// more times its maximum, in like units. Such factors are what a mg/mcg or g/mg swap or a misplaced
/// decimal point produce, so the message names the likely slip. Drugs whose usual doses span a wide range are compared with
/// the range, and AUC targets with the usual AUC range.
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
            if (administration.Drug is { } aucDrug && administration.Dose is AucDose auc)
            {
                if (AucSlip(auc, aucDrug, administration.Line) is { } aucFinding)
                {
                    context.Report(aucFinding);
                }
                continue;
            }
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
            finding ??= AgainstUsualRange(administration.Dose, drug, line, amount, unit);
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

    /// <summary>
    /// Drugs whose usual doses for a route span a wide range (methotrexate from 10 mg/m2 to 15 g/m2) have no single usual dose
    /// to compare with: a dose ten times above the top of every confirmed range on the route and basis, or a tenth of the
    /// bottom, is still a slip.
    /// </summary>
    private static Diagnostic? AgainstUsualRange(DoseSyntax written, DrugEntry drug, AdministrationLine line, decimal amount, DoseUnit unit)
    {
        var ranges = drug.UsualDoses.Where(u => !u.Unconfirmed && u.Dose is AmountDose d && Alike(d.Unit, unit) && RouteMatches(u.Route, line)).ToList();
        if (ranges.Count == 0)
        {
            return null;
        }
        var top = ranges.Select(u => (AmountDose)(u.High ?? u.Dose)).MaxBy(d => Units.Convert(d.Amount.Value, d.Unit.Mass, unit.Mass))!;
        var bottom = ranges.Select(u => (AmountDose)(u.Low ?? u.Dose)).MinBy(d => Units.Convert(d.Amount.Value, d.Unit.Mass, unit.Mass))!;
        decimal high = Units.Convert(top.Amount.Value, top.Unit.Mass, unit.Mass), low = Units.Convert(bottom.Amount.Value, bottom.Unit.Mass, unit.Mass);
        var source = ranges[0].Source;
        if (high > 0 && amount >= high * Factor)
        {
            return Diagnose.UnitSlipAgainstUsual(written.Span, drug.Name, written.ToString()!, Ratio(amount, high), $"{top} (the top of its usual range)", source,
                Hint(amount, high, unit.Mass));
        }
        if (amount > 0 && amount * Factor <= low)
        {
            return Diagnose.UnitSlipAgainstUsual(written.Span, drug.Name, written.ToString()!, Ratio(amount, low), $"{bottom} (the bottom of its usual range)", source,
                Hint(amount, low, unit.Mass));
        }
        return null;
    }

    /// <summary>An AUC target ten times above the top of the drug's usual AUC range on the route (AUC 50 for AUC 5), or a tenth of its bottom.</summary>
    private static Diagnostic? AucSlip(AucDose auc, DrugEntry drug, AdministrationLine line)
    {
        var ranges = AucRanges(drug, line).ToList();
        if (ranges.Count == 0)
        {
            return null;
        }
        decimal target = auc.Target.Value, usual = ranges.Max(r => r.Usual), lowest = ranges.Min(r => r.Usual);
        return IsAucSlip(target, ranges)
            ? Diagnose.UnitSlipAgainstUsual(auc.Span, drug.Name, auc.ToString()!, Ratio(target, target >= usual ? usual : lowest),
                $"AUC {Units.Format(target >= usual ? usual : lowest)}", ranges[0].Source, Phrases.DecimalOrUnit)
            : null;
    }

    /// <summary>Ten times the largest usual AUC target or more (AUC 50 typed for AUC 5), or a tenth of the smallest.</summary>
    public static bool IsAucSlip(decimal target, IReadOnlyCollection<(decimal Usual, decimal Low, decimal High, string Source)> ranges) =>
        target >= ranges.Max(r => r.Usual) * Factor || target * Factor <= ranges.Min(r => r.Usual);

    /// <summary>The confirmed AUC ranges of a drug's usual doses on the line's route (a dose without a range is its own range).</summary>
    public static IEnumerable<(decimal Usual, decimal Low, decimal High, string Source)> AucRanges(DrugEntry drug, AdministrationLine line) =>
        drug.UsualDoses
            .Where(u => !u.Unconfirmed && u.Dose is AucDose && RouteMatches(u.Route, line))
            .Select(u => (((AucDose)u.Dose).Target.Value, ((u.Low ?? u.Dose) as AucDose)!.Target.Value, ((u.High ?? u.Dose) as AucDose)!.Target.Value, u.Source));

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
