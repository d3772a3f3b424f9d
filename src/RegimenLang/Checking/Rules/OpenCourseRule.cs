using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2020 and RL2021: the bounds of an open-ended repeat that contradict each other, compared in whole repeats of the item.
/// RL2020: an expected course outside [at least, at most] (<c>expect 30 cycles, at most 2 years</c> of 28-day cycles, of which
/// 26 fit). RL2021: a shortest course longer than the longest (<c>at least 5 years, at most 2 years</c>). The timeline shows
/// the expected course and the checker the longest; one of the numbers is a typo.
/// </summary>
public sealed class OpenCourseRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ExpectedOverLongest, DiagnosticCatalog.ShortestOverLongest];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        foreach (var open in (context.Model.Plan?.Phases ?? []).SelectMany(p => BoundPlan.Descendants(p.Sequence)).OfType<BoundOpenRepeat>())
        {
            var node = open.Node;
            int? expected = PlanLayout.Expected(open), shortest = PlanLayout.Shortest(open), longest = PlanLayout.Longest(open);
            if (shortest is { } least && longest is { } most && least > most)
            {
                context.Report(Diagnose.ShortestOverLongest(node.AtLeast!.Amount.Span, open.Until, least, Written("at least", node.AtLeast),
                    most, Written("at most", node.AtMost!)));
            }
            else if (expected is { } e && longest is { } max && e > max)
            {
                context.Report(Diagnose.ExpectedOverLongest(node.Expect!.Amount.Span, open.Until, e, max, Written("at most", node.AtMost!)));
            }
            else if (expected is { } e2 && shortest is { } min && e2 < min)
            {
                context.Report(Diagnose.ExpectedUnderShortest(node.Expect!.Amount.Span, open.Until, e2, min, Written("at least", node.AtLeast!)));
            }
        }
    }

    private static string Written(string words, CourseBound bound) => $"{words} {SyntaxPrinter.Bound(bound)}";
}
