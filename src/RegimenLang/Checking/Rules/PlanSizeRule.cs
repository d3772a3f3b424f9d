using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2009: a plan over 1,000 cycle instances or 100 years. The size is computed arithmetically by
/// the evaluator's <see cref="PlanExpander"/> before anything is laid out, so this costs nothing.
/// </summary>
public sealed class PlanSizeRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PlanTooLarge];

    public void Check(RuleContext context)
    {
        _ = context.Instances;
        foreach (var diagnostic in context.ExpansionDiagnostics.Items.Where(d => d.Code == DiagnosticCatalog.PlanTooLarge.Code))
        {
            context.Report(diagnostic);
        }
    }
}
