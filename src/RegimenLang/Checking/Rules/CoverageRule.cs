using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Formatting;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3016: a drug whose lines in a cycle are all conditional, on at least two different conditions (bands: carboplatin by
/// creatinine clearance, a dose by age), and a patient to whom none of them applies while others get the drug. One conditional
/// line, or several on one condition, leave patients out on purpose (rituximab when CD20 is positive) and are not reported.
/// The witness is a patient the conditions' own thresholds point at (for <c>crcl &gt;= 60</c> and <c>crcl &lt; 30</c>: crcl = 30).
/// </summary>
public sealed class CoverageRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CoverageGap];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<BoundAdministration>(ReferenceEqualityComparer.Instance);
        foreach (var cycle in context.Model.Cycles.Values.OrderBy(c => c.Syntax.Span.Start))
        {
            if (cycle.HasIncompleteLines)
            {
                continue;
            }
            foreach (var lines in cycle.Lines.Where(a => a.Drug is not null).GroupBy(a => a.Drug!.Name).Select(g => g.ToList()))
            {
                if (lines.Any(l => l.When is null) || reported.Contains(lines[0])
                    || lines.Select(l => SyntaxPrinter.Condition(l.When!.Syntax)).Distinct(StringComparer.Ordinal).Count() < 2)
                {
                    continue;
                }
                var scenarios = ScenarioBuilder.Build(lines);
                if (scenarios.Any(ScenarioBuilder.AllLinesApply))
                {
                    continue;
                }
                var uncovered = scenarios.FirstOrDefault(s => !lines.Any(l => l.When!.Holds(s.Patient)));
                if (uncovered is not null && scenarios.Any(s => lines.Any(l => l.When!.Holds(s.Patient))))
                {
                    reported.Add(lines[0]);
                    context.Report(Diagnose.CoverageGap(lines[0].Line.Drug.Span, lines[0].DrugName, $"in cycle '{cycle.Name}'", uncovered.Description)
                        .WithRelated([.. lines.Skip(1).Select(l => context.At(l.Line, $"another {l.DrugName} line, when {SyntaxPrinter.Condition(l.When!.Syntax)}"))]));
                }
            }
        }
    }
}
