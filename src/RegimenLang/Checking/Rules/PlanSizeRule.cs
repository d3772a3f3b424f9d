using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2009: a plan over 1,000 cycle instances, 100 years or 100,000 administrations. The size is computed
/// arithmetically by <see cref="PlanLayout"/> before anything is laid out, so this costs nothing.
/// </summary>
public sealed class PlanSizeRule : ICheckRule
{
    private const decimal Trillion = 1_000_000_000_000m;

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PlanTooLarge];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var at = context.Document.Plan is { } plan ? plan.Span with { Length = 4 } : default;
        switch (context.Layout.Refusal)
        {
            case PlanTooLarge size:
                context.Report(Diagnose.PlanTooLarge(at,
                    size.Cycles >= Trillion ? "more than a trillion cycle instances" : Words.Count((long)size.Cycles, "cycle instance"),
                    size.Days >= Trillion ? "more than a trillion days" : Words.Count((long)size.Days, "day")));
                break;
            case TooManyAdministrations many:
                context.Report(Diagnose.TooManyAdministrations(at, many.Count));
                break;
        }
    }
}
