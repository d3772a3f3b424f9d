using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2020: an open-ended repeat whose expected course is longer than its longest (<c>expect 30 cycles, at most 2 years</c>
/// of 28-day cycles, of which 26 fit). The timeline shows the expected course and the checker the longest; the
/// expected one must fit in the longest, or one of the two numbers is a typo.
/// </summary>
public sealed class OpenCourseRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ExpectedOverLongest];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        foreach (var open in (context.Model.Plan?.Phases ?? []).SelectMany(p => BoundPlan.Descendants(p.Sequence)).OfType<BoundOpenRepeat>())
        {
            int longest = PlanLayout.Longest(open);
            if (open.Expected is { } expected && expected > longest && open.Node.Expect is { } written)
            {
                var node = open.Node;
                string bound = $"at most {node.AtMost.Text} {node.Unit.ToString().ToLowerInvariant()}";
                context.Report(Diagnose.ExpectedOverLongest(written.Span, open.Until, expected, longest, bound));
            }
        }
    }
}
