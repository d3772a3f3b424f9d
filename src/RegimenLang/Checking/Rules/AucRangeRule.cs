using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>RL3017: an AUC target outside the drug's confirmed usual AUC range on the route (ten times outside is RL3006's).</summary>
public sealed class AucRangeRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.AucOutOfRange];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            if (administration.Drug is not { } drug || administration.Dose is not AucDose auc)
            {
                continue;
            }
            var ranges = UnitSlipRule.AucRanges(drug, administration.Line).ToList();
            if (ranges.Count == 0)
            {
                continue;
            }
            decimal target = auc.Target.Value, high = ranges.Max(r => r.High), low = ranges.Min(r => r.Low);
            if (!UnitSlipRule.IsAucSlip(target, ranges) && (target > high || target < low))
            {
                context.Report(Diagnose.AucOutOfRange(auc.Span, drug.Name, auc.ToString()!, $"AUC {Units.Format(low)}", $"AUC {Units.Format(high)}", ranges[0].Source));
            }
        }
    }
}
