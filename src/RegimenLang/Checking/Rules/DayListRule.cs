using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2002: a reversed range or a day listed twice, on any line whose days were read.</summary>
public sealed class DayListRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.BadDayList];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var days in context.WrittenLines.Select(a => a.Line.Days).OfType<Syntax.Nodes.DaysSyntax>())
        {
            var seen = new HashSet<int>();
            foreach (var range in days.Ranges)
            {
                if (range.Last < range.First)
                {
                    context.Report(Diagnose.ReversedRange(range.Span, range.First, range.Last)
                        .WithFix(CodeFix.Replace($"write {range.Last}-{range.First}", range.Span, $"{range.To!.Text}-{range.From.Text}")));
                    continue;
                }
                int repeated = Enumerable.Range(range.First, Math.Min(range.Last - range.First + 1, 1000)).FirstOrDefault(d => !seen.Add(d));
                if (repeated > 0)
                {
                    context.Report(Diagnose.DayListedTwice(range.Span, repeated));
                }
            }
        }
    }
}
