using System.Collections.Immutable;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Places the <c>order</c> lines of the plan: an order with days on each of them (at its <c>at</c> times, else the
/// first-dose time); a timed order at each offset from its anchor's first dose of each of its days in the same cycle
/// instance or phase (none that day, for a condition or a cycle qualifier, means no order). Orders come after the doses
/// are laid out because they follow them; they never change them.
/// </summary>
public static class OrderLayout
{
    public static ImmutableArray<TimelineOrder> Lay(SemanticModel model, ImmutableArray<CycleInstance> instances, ImmutableArray<PlacedDose> doses,
        int firstDoseMinutes, Func<BoundOrder, bool> given, DateTime origin)
    {
        var orders = new List<TimelineOrder>();
        for (int index = 0; index < instances.Length; index++)
        {
            var instance = instances[index];
            if (instance.Symbol is not { } cycle)
            {
                continue;
            }
            int i = index;
            var own = doses.Where(d => d.InstanceIndex == i).ToList();
            foreach (var order in cycle.Orders.Where(o => (o.Line.Cycles is not { } s || s.Includes(instance.PhaseCycle)) && given(o)))
            {
                foreach (var (minutes, day, anchor) in Times(order, instance.StartDay, own, d => d.CycleDay, firstDoseMinutes))
                {
                    int cycleDay = order.Line.Timing is null ? day : (int)DoseLayout.FloorDiv(minutes, Schedule.MinutesPerDay) - instance.StartDay + 1;
                    if (OnWeekend(order, origin, minutes))
                    {
                        continue;
                    }
                    orders.Add(Entry(order, minutes, origin, index, instance, cycleDay, anchor));
                }
            }
        }
        foreach (var phase in model.PhaseBlocks.Values)
        {
            var members = Enumerable.Range(0, instances.Length).Where(i => string.Equals(instances[i].Phase, phase.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (members.Count == 0 || phase.Orders.IsEmpty)
            {
                continue;
            }
            int start = instances[members[0]].StartDay;
            var own = doses.Where(d => members.Contains(d.InstanceIndex) && phase.Lines.Any(l => ReferenceEquals(l.Line, d.Line))).ToList();
            foreach (var order in phase.Orders.Where(given))
            {
                foreach (var (minutes, _, anchor) in Times(order, start, own, d => (int)DoseLayout.FloorDiv(d.StartMinutes, Schedule.MinutesPerDay) - start + 1, firstDoseMinutes))
                {
                    int planDay = (int)DoseLayout.FloorDiv(minutes, Schedule.MinutesPerDay);
                    int index = members.LastOrDefault(m => instances[m].StartDay <= planDay, members[0]);
                    var instance = instances[index];
                    if (instance.IsRest || (order.Line.Cycles is { } selector && !selector.Includes(instance.PhaseCycle)) || OnWeekend(order, origin, minutes))
                    {
                        continue; // a rest is treatment-free, as for the phase block's doses
                    }
                    orders.Add(Entry(order, minutes, origin, index, instance, planDay - instance.StartDay + 1, anchor));
                }
            }
        }
        return [.. orders.OrderBy(o => o.When)];
    }

    /// <summary>An order written <c>(weekdays)</c> on a day that falls on a Saturday or Sunday for this start date: not placed.</summary>
    private static bool OnWeekend(BoundOrder order, DateTime origin, long minutes) =>
        order.Line.Weekdays is not null && origin.AddMinutes(minutes).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The minutes (from plan day 1's midnight) of each order of a line, with its listed day and the dose it was timed from.</summary>
    /// <param name="startDay">The 0-based plan day of the container's day 1.</param>
    /// <param name="dayOf">The container day of a dose, to match the order's days.</param>
    private static IEnumerable<(long Minutes, int Day, (PlacedDose Dose, DurationSyntax? Offset)? Anchor)> Times(BoundOrder order, int startDay,
        List<PlacedDose> doses, Func<PlacedDose, int> dayOf, int firstDoseMinutes)
    {
        long origin = (long)startDay * Schedule.MinutesPerDay;
        if (order.Line.Timing is not { } timing)
        {
            var clock = order.Line.At is { } at ? at.Times.Where(t => t.IsValid).Select(t => t.Hour * 60 + t.Minute).ToList() : [firstDoseMinutes];
            foreach (int day in order.ListedDays)
            {
                foreach (int time in clock)
                {
                    yield return (origin + (long)(day - 1) * Schedule.MinutesPerDay + time, day, null);
                }
            }
            yield break;
        }
        foreach (int day in order.ListedDays)
        {
            var first = doses.Where(d => order.Anchors.Contains(d.Line, ReferenceEqualityComparer.Instance) && dayOf(d) == day).MinBy(d => d.StartMinutes);
            if (first is null)
            {
                continue; // the anchor is not given that day for this patient (a day it never lists is RL2010)
            }
            long edge = timing.EffectiveEdge == AnchorEdge.Ends ? first.EndMinutes : first.StartMinutes;
            var offsets = timing.Offsets.IsEmpty ? [(DurationSyntax?)null] : timing.Offsets.Select(o => (DurationSyntax?)o).ToList();
            foreach (var offset in offsets)
            {
                decimal minutes = (offset?.TotalMinutes ?? 0) * (timing.Relation == TimingRelation.Before ? -1 : 1);
                yield return (edge + (long)Math.Round(minutes, MidpointRounding.AwayFromZero), day, (first, offset));
            }
        }
    }

    private static TimelineOrder Entry(BoundOrder order, long minutes, DateTime origin, int index, CycleInstance instance, int cycleDay,
        (PlacedDose Dose, DurationSyntax? Offset)? anchor)
    {
        var line = order.Line;
        return new TimelineOrder(origin.AddMinutes(minutes), instance.StartDay + cycleDay, index, instance.Phase, instance.Cycle, instance.PhaseCycle,
            instance.CycleName, cycleDay, order.Text, [.. line.Notes.Select(n => n.Text.Value)], line.Span.Line)
        {
            Anchor = anchor is { } a && line.Timing is { } timing
                ? new EntryAnchor(a.Dose.Line.Drug.Text, a.Dose.Line.Label?.Name.Text, a.Dose.Line.Span.Line, timing.Relation, timing.EffectiveEdge, a.Offset)
                : null,
        };
    }
}
