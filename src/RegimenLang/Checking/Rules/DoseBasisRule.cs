using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3010: a dose written on a basis (flat, per m2, per kg) that none of the drug's usual doses for the line's route has:
/// rituximab 375 mg (flat) where the label gives 375 mg/m2. Only drugs with usual doses are checked; usual doses for another
/// route are not compared (rituximab SC is flat, IV per m2). AUC doses are compared with the usual doses' bases too: a per-m2
/// dose of a drug whose usual doses are all AUC is not one of them.
/// </summary>
public sealed class DoseBasisRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.UnusualDoseBasis];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (administration.Drug is not { } drug || line.Dose is not { } dose || dose is RampDose || FlexibleBasis(drug))
            {
                continue;
            }
            // The usual doses a source confirmed for the route (an unconfirmed one never vouches for a basis: rituximab's flat
            // 1000 mg of rheumatology does not make 375 mg flat usual); only when none is confirmed, the unconfirmed ones.
            var forRoute = drug.UsualDoses.Where(u => DoseArithmetic.OnRoute(u.Route, line)).ToList();
            var usual = forRoute.Any(u => !u.Unconfirmed) ? forRoute.Where(u => !u.Unconfirmed).ToList() : forRoute;
            var basis = UsualDoseRange.BasisOf(dose);
            if (usual.Count == 0 || usual.Any(u => u.Basis == basis) || dose is AmountDose flat && AtFlatMaximum(drug, flat, line))
            {
                continue;
            }
            var first = usual.FirstOrDefault(u => !u.Unconfirmed) ?? usual[0];
            string route = first.Route is { } onRoute ? " " + Phrases.Route(onRoute.ToString()) : "";
            string expected = dose is AmountDose written && first.Dose is AmountDose usualAmount
                ? (written with { Unit = written.Unit with { Basis = usualAmount.Unit.Basis } }).ToString()!
                : first.Dose.ToString()!;
            context.Report(Diagnose.UnusualDoseBasis(dose.Span, drug.Name, dose.ToString()!, Basis(basis), route,
                first.Dose.ToString()!, first.Source, expected));
        }
    }

    /// <summary>
    /// Corticosteroids are written flat and by body size alike across protocols (prednisone 200 mg in POMP, 60 mg/m2 in
    /// induction; methylprednisolone 50 mg as a premedication): no basis of theirs is a slip.
    /// </summary>
    private static bool FlexibleBasis(DrugEntry drug) => drug.Class.Contains("corticosteroid", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A flat dose of a drug with a flat maximum per administration is the capped dose protocols write outright (vincristine
    /// 2 mg in hyper-CVAD, for 1.4 mg/m2 capped at 2 mg); one above the maximum is RL3002's, not a basis slip.
    /// </summary>
    private static bool AtFlatMaximum(DrugEntry drug, AmountDose written, AdministrationLine line) =>
        written.Unit is { Basis: DoseBasis.Flat, Rate: DoseRate.None }
        && drug.Limits.Any(l => l.Per == LimitPer.Administration && l.Max.Unit.Basis == DoseBasis.Flat
            && DoseArithmetic.OnRoute(l.Route, line)
            && Units.Compatible(l.Max.Unit.Mass, written.Unit.Mass));

    private static string Basis(FormularyBasis basis) => basis switch
    {
        FormularyBasis.PerSquareMetre => "per m2 of body surface",
        FormularyBasis.PerKilogram => "per kg of body weight",
        FormularyBasis.Auc => "an AUC target",
        _ => "a flat dose",
    };
}
