using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2041: an administration line's <c>until</c> that cannot be laid out. A lab- or event-driven duration needs one first day,
/// a frequency that repeats each day, no <c>prn</c>, an expected course no longer than the longest, and a longest course that
/// ends in its cycle (the checker counts the line at its longest, so a course that ran into the next cycle would be counted
/// twice). A dose change names one event, which a patient file may date.
/// </summary>
public sealed class UntilRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.InvalidUntil];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        foreach (var written in context.WrittenLines)
        {
            var line = written.Line;
            if (line.Days is { WrittenFrom: true } from && line.Until is not { IsDuration: true })
            {
                context.Report(Diagnose.FromDayWithoutUntil(from.Span, line.Drug.Text, from.Ranges[0].From.Text));
            }
            if (line.Until is not { } until)
            {
                continue;
            }
            string drug = line.Drug.Text;
            string condition = SyntaxPrinter.Condition(until.Condition);
            if (!until.IsDuration)
            {
                if (until.Event is null)
                {
                    context.Report(Diagnose.UntilEventNotAName(until.Condition.Span, drug, condition));
                }
                continue;
            }
            if (line.AsNeeded is { } prn)
            {
                context.Report(Diagnose.UntilAsNeeded(prn.Span, drug, "until " + condition));
                continue;
            }
            if (line.Days is not { } days)
            {
                context.Report(Diagnose.UntilWithoutFirstDay(until.Span, drug, condition));
            }
            else if (days.Ranges.Length > 1 || days.Ranges[0].To is not null)
            {
                context.Report(Diagnose.UntilOnSeveralDays(days.Span, drug, condition, days.Ranges[0].First, SyntaxPrinter.Print(days)));
            }
            if (line.Frequency is { } frequency && (frequency.SpansDays || frequency.Count is not null))
            {
                context.Report(Diagnose.UntilWithSpanningFrequency(frequency.Span, drug, condition, SyntaxPrinter.Print(frequency)));
            }
            if (until.Longest is { } longest && until.ExpectDays is not null && until.Expected is { } expected && expected > longest)
            {
                context.Report(Diagnose.UntilExpectedOverLongest(until.ExpectDays.Span, drug, expected, longest));
            }
        }
        foreach (var (cycle, administration) in context.LinesByCycle)
        {
            if (cycle.LengthDays is { } length && administration.Line.Until is { IsDuration: true, Longest: { } most } until
                && Semantics.Binding.BoundAdministration.UntilCourse(administration.Line, longest: true) is [var first, ..] && first + most - 1 > length)
            {
                context.Report(Diagnose.UntilPastContainer(until.AtMostDays!.Span, administration.Line.Drug.Text, SyntaxPrinter.Condition(until.Condition),
                    most, first, length, "cycle " + cycle.Name));
            }
        }
    }
}
