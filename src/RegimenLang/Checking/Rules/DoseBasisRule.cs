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
            if (administration.Drug is not { } drug || line.Dose is not AmountDose written)
            {
                continue;
            }
            var usual = drug.Usual.Where(u => DoseArithmetic.OnRoute(u.Route, line)).ToList();
            if (usual.Count == 0 || usual.Any(u => u.Dose.Unit.Basis == written.Unit.Basis) || AtFlatMaximum(drug, written, line))
            {
                continue;
            }
            var first = usual[0];
            string route = first.Route is { } onRoute ? " " + Phrases.Route(onRoute.ToString()) : "";
            var expected = written with { Unit = written.Unit with { Basis = first.Dose.Unit.Basis } };
            context.Report(Diagnose.UnusualDoseBasis(written.Span, drug.Name, written.ToString()!, Basis(written.Unit.Basis), route,
                first.Dose.ToString()!, first.Source, expected.ToString()!));
        }
    }

    /// <summary>
    /// A flat dose of a drug with a flat maximum per administration is the capped dose protocols write outright (vincristine
    /// 2 mg in hyper-CVAD, for 1.4 mg/m2 capped at 2 mg); one above the maximum is RL3002's, not a basis slip.
    /// </summary>
    private static bool AtFlatMaximum(DrugEntry drug, AmountDose written, AdministrationLine line) =>
        written.Unit is { Basis: DoseBasis.Flat, Rate: DoseRate.None }
        && drug.Limits.Any(l => l.Per == LimitPer.Administration && l.Max.Unit.Basis == DoseBasis.Flat
            && DoseArithmetic.OnRoute(l.Route, line)
            && Units.Compatible(l.Max.Unit.Mass, written.Unit.Mass));

    private static string Basis(DoseBasis basis) => basis switch
    {
        DoseBasis.PerSquareMetre => "per m2 of body surface",
        DoseBasis.PerKilogram => "per kg of body weight",
        _ => "a flat dose",
    };
}
