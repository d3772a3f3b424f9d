using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>RL3007: a drug with an absolute maximum per administration, dosed per m2 or per kg without <c>cap</c>.</summary>
public sealed class CappedDrugRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CappedDrugWithoutCap];

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (administration.Drug is not { } drug || line.Cap is not null || line.Dose is not AmountDose { Unit.Basis: not DoseBasis.Flat } dose)
            {
                continue;
            }
            var limit = drug.Limits.FirstOrDefault(l => l.Per == LimitPer.Administration && l.Max.Unit.Basis == DoseBasis.Flat);
            if (limit is not null)
            {
                context.Report(DiagnosticCatalog.CappedDrugWithoutCap, line.Dose.Span,
                    [RuleContext.At(limit.Location, $"{drug.Name}: at most {limit.Max} per administration ({limit.Source})")],
                    drug.Name, limit.Max.ToString(), dose.Unit.Basis == DoseBasis.PerSquareMetre ? "m2" : "kg");
            }
        }
    }
}
