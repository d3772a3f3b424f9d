using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2001 days outside the cycle's length; RL2002 reversed ranges and days listed twice.</summary>
public sealed class DayListRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DayOutsideCycle, DiagnosticCatalog.BadDayList];

    public void Check(RuleContext context)
    {
        foreach (var (cycle, administration) in context.LinesByCycle)
        {
            int length = cycle.LengthDays;
            if (length < 1)
            {
                continue;
            }
            foreach (var range in administration.Line.Days.Ranges)
            {
                int outside = range.First > length ? range.First : range.Last > length ? range.Last : 0;
                if (outside > 0)
                {
                    context.Report(DiagnosticCatalog.DayOutsideCycle, range.Span, outside, cycle.Name, length);
                }
            }
        }

        foreach (var line in context.Lines.Select(a => a.Line))
        {
            var seen = new HashSet<int>();
            foreach (var range in line.Days.Ranges)
            {
                if (range.Last < range.First)
                {
                    context.Report(DiagnosticCatalog.BadDayList, range.Span, $"the range {range.First}-{range.Last} is reversed and gives no day: write {range.Last}-{range.First}");
                    continue;
                }
                int repeated = Enumerable.Range(range.First, Math.Min(range.Last - range.First + 1, 1000)).FirstOrDefault(d => !seen.Add(d));
                if (repeated > 0)
                {
                    context.Report(DiagnosticCatalog.BadDayList, range.Span, $"day {repeated} is listed twice, so it would be given twice");
                }
            }
        }
    }
}
