using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3007: a drug with an absolute maximum per administration on the line's route, dosed per m2 or per kg without <c>cap</c>
/// (intrathecal methotrexate's 15 mg is no cap for its IV doses).
/// </summary>
public sealed class CappedDrugRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CappedDrugWithoutCap];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (administration.Drug is not { } drug || line.Cap is not null || administration.Dose is not AmountDose { Unit.Basis: not DoseBasis.Flat } dose)
            {
                continue;
            }
            var limit = drug.Limits.FirstOrDefault(l => l.Per == LimitPer.Administration && l.Max.Unit.Basis == DoseBasis.Flat && DoseArithmetic.OnRoute(l.Route, line));
            if (limit is not null)
            {
                // The fix appends the cap to the line (clauses may come in any order; fmt puts it in its place).
                var end = line.Span with { Start = line.Span.End, Length = 0, Column = line.Span.Column + line.Span.Length };
                context.Report(Diagnose.CappedDrugWithoutCap(dose.Span, drug.Name, limit.Max.ToString(), dose.Unit.Basis == DoseBasis.PerSquareMetre ? "m2" : "kg", end)
                    .WithRelated(RuleContext.At(limit.Location, $"{drug.Name}: at most {limit.Max} per administration ({limit.Source})")));
            }
        }
    }
}
