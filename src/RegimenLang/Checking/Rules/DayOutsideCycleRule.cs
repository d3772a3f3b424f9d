using RegimenLang.Evaluation;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2001: a day past the end of the cycle a line stands in (for a block, every cycle that includes it), or a line
/// that runs past it (a ramp, <c>every N days x count</c>); in a phase block, a day past the end of the phase, or a
/// line that runs past the end of the plan.
/// </summary>
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
            if (Outside(administration, length) is { } range)
            {
                context.Report(Diagnose.DayOutsideCycle(range.Span, range.Last > length && range.First <= length ? range.Last : range.First, cycle.Name, length));
            }
            else if (LastDay(administration) is { } last && last > length)
            {
                context.Report(Diagnose.RunsPastCycle(administration.DaysSpan, last, cycle.Name, length));
            }
        }
        // Orders: a day of their own past the end of the cycle (a timed order's days are its anchor's, checked above).
        foreach (var cycle in context.Model.Cycles.Values.Where(c => c.LengthDays is not null))
        {
            foreach (var range in cycle.Orders.Select(o => Outside(o.Line.Days, cycle.LengthDays!.Value)).OfType<DayRange>())
            {
                int length = cycle.LengthDays!.Value;
                context.Report(Diagnose.DayOutsideCycle(range.Span, range.Last > length && range.First <= length ? range.Last : range.First, cycle.Name, length));
            }
        }
        if (context.Instances.IsEmpty)
        {
            return;
        }
        int planEnd = context.Instances[^1].StartDay + context.Instances[^1].LengthDays;
        foreach (var phase in context.Model.PhaseBlocks.Values)
        {
            var instances = context.Instances.Where(i => string.Equals(i.Phase, phase.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (instances.Count == 0)
            {
                continue;
            }
            int start = instances[0].StartDay;
            int length = instances[^1].StartDay + instances[^1].LengthDays - start;
            foreach (var range in phase.Orders.Select(o => Outside(o.Line.Days, length)).OfType<DayRange>())
            {
                context.Report(Diagnose.DayOutsidePhase(range.Span, range.Last, phase.Name, length));
            }
            foreach (var administration in phase.Lines)
            {
                if (Outside(administration, length) is { } range)
                {
                    context.Report(Diagnose.DayOutsidePhase(range.Span, range.Last, phase.Name, length));
                }
                else if (LastDay(administration) is { } last && start + last > planEnd)
                {
                    context.Report(Diagnose.RunsPastPlan(administration.DaysSpan, last, phase.Name));
                }
                else if (InRest(administration, instances, start, length) is { } rest)
                {
                    context.Report(Diagnose.DoseInRest(administration.DaysSpan, rest.Day, phase.Name, rest.From, rest.To));
                }
            }
        }
    }

    /// <summary>The first day (from the phase's day 1) a phase-block line gives a dose in one of the phase's rests; 'throughout' skips them.</summary>
    private static (int Day, int From, int To)? InRest(BoundAdministration administration, List<CycleInstance> instances, int start, int length)
    {
        var rests = instances.Where(i => i.IsRest).Select(i => (From: i.StartDay - start + 1, To: i.StartDay - start + i.LengthDays)).ToList();
        if (rests.Count == 0 || administration.Anchor is not null || administration.Line.Frequency?.Kind == FrequencyKind.Throughout)
        {
            return null;
        }
        foreach (var dose in Schedule.Doses(administration, length, 8 * 60, new DiagnosticBag("")) ?? [])
        {
            foreach (var (from, to) in rests)
            {
                if (dose.Day >= from && dose.Day <= to)
                {
                    return (dose.Day, from, to);
                }
            }
        }
        return null;
    }

    private static DayRange? Outside(BoundAdministration administration, int length) => Outside(administration.Days, length);

    private static DayRange? Outside(DaysSyntax? days, int length) =>
        days?.Ranges.FirstOrDefault(r => r.First > length || r.Last > length);

    /// <summary>The last day of a line that runs over several days by itself: a ramp, or a counted <c>every N days</c>.</summary>
    private static int? LastDay(BoundAdministration administration)
    {
        var line = administration.Line;
        int start = administration.ListedDays.IsEmpty ? 1 : administration.ListedDays[0];
        if (line.Dose is RampDose { StepDays: > 0 } ramp)
        {
            return start + ramp.Steps.Length * ramp.StepDays - 1;
        }
        if (line.Frequency is { IntervalDays: > 0, Count: { IsWholeNumber: true, Value: >= 1 and <= 100_000 } count } frequency)
        {
            return start + ((int)count.Value - 1) * frequency.IntervalDays;
        }
        return null;
    }
}
