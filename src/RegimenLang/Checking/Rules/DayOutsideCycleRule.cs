using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2001: a day past the end of a cycle the line stands in (for a block, every cycle that includes it).</summary>
public sealed class DayOutsideCycleRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DayOutsideCycle];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        foreach (var (cycle, administration) in context.LinesByCycle)
        {
            if (cycle.LengthDays is not { } length)
            {
                continue;
            }
            foreach (var range in administration.Days.Ranges)
            {
                int outside = range.First > length ? range.First : range.Last > length ? range.Last : 0;
                if (outside > 0)
                {
                    context.Report(Diagnose.DayOutsideCycle(range.Span, outside, cycle.Name, length));
                }
            }
        }
    }
}
