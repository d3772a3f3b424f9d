using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2003: the doses a line asks for do not fit how it is written. <c>q&lt;N&gt;h x count</c> that puts a dose on an
/// unlisted day (the same arithmetic the evaluator uses, <see cref="Schedule.CountedDoseOutsideDays"/>, so check and
/// expand agree); <c>at</c> with a number of times that is neither one nor one per dose; a timed line with its own clock,
/// ramp or day-picking frequency; <c>throughout</c> with days; a ramp on several days.
/// </summary>
public sealed class DosesFitRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DosesDoNotFit];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            var frequency = line.Frequency;
            if (line.Timing is { } timing)
            {
                SyntaxNode? conflicting = line.At is { } clock ? clock : frequency is { SpansDays: true } ? frequency : line.Dose is RampDose ramp ? ramp : null;
                if (conflicting is not null)
                {
                    context.Report(Diagnose.NotWithTiming(conflicting.Span, Keyword(conflicting), SyntaxPrinter.Print(timing)));
                }
                continue;
            }
            if (line.At is { } at && !Schedule.AtFits(frequency, at.Times.Length, line.IsContinuous))
            {
                context.Report(Diagnose.TimesDoNotFit(at.Span, at.Times.Length, frequency is null ? "the line" : SyntaxPrinter.Print(frequency), Schedule.PerDay(frequency)));
            }
            if (frequency is { Kind: FrequencyKind.Throughout } && line.Days is { } days)
            {
                context.Report(Diagnose.ThroughoutWithDays(days.Span, "cycle or phase"));
            }
            if (line.Dose is RampDose && line.Days is { } rampDays && administration.ListedDays.Length > 1)
            {
                context.Report(Diagnose.RampOnSeveralDays(rampDays.Span, administration.ListedDays[0]));
            }
            // A range is the window the interval runs in ('weekly days 8-28'); a day written on its own, or a range's first day,
            // is meant to be a dose day: one between two doses would be left out.
            if (frequency is { SpansDays: true, IntervalDays: > 0 } spanning && line.Days is { Ranges.Length: > 1 } written
                && administration.ListedDays is { Length: > 0 } onDays
                && written.Ranges.Select(r => r.First).FirstOrDefault(d => (d - onDays[0]) % spanning.IntervalDays != 0, onDays[0]) is var off
                && off != onDays[0])
            {
                context.Report(Diagnose.DayOffInterval(administration.DaysSpan, SyntaxPrinter.Print(spanning), onDays[0], spanning.IntervalDays, off, onDays[^1]));
            }
            if (frequency is not { Kind: FrequencyKind.EveryHours, Count: { } count } || line.IsContinuous)
            {
                continue;
            }
            var listed = administration.ListedDays;
            if (listed.IsEmpty)
            {
                continue;
            }
            if (Schedule.CountedDoseOutsideDays(frequency.Hours, (int)Math.Min(count.Value, Schedule.MaxCountedDoses), listed) is { } outside)
            {
                context.Report(Diagnose.DosesDoNotFit(administration.DaysSpan, frequency.Text + " x " + count.Text, listed[0], outside.Dose, outside.Day, outside.LastDay));
            }
        }
    }

    private static string Keyword(SyntaxNode node) => node switch
    {
        AtModifier => "at",
        RampDose => "ramp",
        FrequencySyntax f => SyntaxPrinter.Print(f),
        _ => SyntaxPrinter.Print(node),
    };
}
