using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2040: an <c>order</c> line that cannot be placed: no days and no timing, or <c>at</c> or <c>(weekdays)</c> beside a timing
/// (a timed order takes its clock time and its days from its anchor). Its days, cycle numbers and anchor are checked by the rules that check those of
/// administrations (RL2001, RL2002, RL2010); no dose rule sees an order.
/// </summary>
public sealed class OrderRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.InvalidOrder];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var order in context.Document.DescendantsAndSelf().OfType<OrderLine>())
        {
            if (order.Days is null && order.Timing is null)
            {
                context.Report(Diagnose.OrderWithoutDays(order.Text.Span, order.Text.Value));
            }
            if (order.Timing is { } timing && order.At is { } at)
            {
                context.Report(Diagnose.OrderAtWithTiming(at.Span, SyntaxPrinter.Print(timing)));
            }
            if (order.Timing is { } anchored && order.Weekdays is { } weekdays)
            {
                context.Report(Diagnose.OrderWeekdaysWithTiming(weekdays.Span, SyntaxPrinter.Print(anchored)));
            }
        }
    }
}
