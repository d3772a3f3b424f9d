using RegimenLang.Syntax.Formatting;
using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2002: a reversed range or a day listed twice, on any line (administration or order) whose days were read.</summary>
public sealed class DayListRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.BadDayList];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        var orderDays = context.Document.DescendantsAndSelf().OfType<Syntax.Nodes.OrderLine>().Select(o => o.Days);
        foreach (var days in context.WrittenLines.Select(a => a.Line.Days).Concat(orderDays).OfType<Syntax.Nodes.DaysSyntax>())
        {
            var seen = new HashSet<int>();
            foreach (var range in days.Ranges)
            {
                if (range.Last < range.First)
                {
                    // Written as the formatter writes it: a range with a day below 1 reads '-5 to -2', not '-5--2'.
                    string swapped = SyntaxPrinter.Print(range with { From = range.To!, To = range.From });
                    context.Report(Diagnose.ReversedRange(range.Span, SyntaxPrinter.Print(range), swapped)
                        .WithFix(CodeFix.Replace($"write {swapped}", range.Span, swapped)));
                    continue;
                }
                // In long: the parser reports days out of range, but their clamped values must not overflow here (found by fuzzing).
                int count = (int)Math.Min((long)range.Last - range.First + 1, 1000);
                var repeated = Enumerable.Range(range.First, count).Cast<int?>().FirstOrDefault(d => !seen.Add(d!.Value));
                if (repeated is { } day)
                {
                    context.Report(Diagnose.DayListedTwice(range.Span, day));
                }
            }
        }
    }
}
