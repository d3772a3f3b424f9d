using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>One dose of a line within a cycle: hours after the first-dose time of cycle day 1, and its treatment day.</summary>
public readonly record struct ScheduledDose(int HoursFromCycleStart, int CycleDay, int? DoseNumber, int? DoseCount);

/// <summary>
/// When the doses of a line fall within its cycle. Treatment day d runs from the first-dose time on its
/// date to the same time the next date, so a dose is placed in hours from the first-dose time of day 1
/// and its clock time and calendar date follow from that (q6h from 08:00 gives 02:00 on the next date,
/// still the same treatment day).
/// </summary>
public static class Schedule
{
    /// <summary>The listed days of a line, in order and without repeats.</summary>
    public static ImmutableArray<int> ListedDays(DaysSyntax days) =>
        [.. days.Ranges.SelectMany(r => r.Last >= r.First && r.Last - r.First < 100_000 ? Enumerable.Range(r.First, r.Last - r.First + 1) : []).Distinct().Order()];

    /// <summary>
    /// The doses of a complete line in a cycle of <paramref name="cycleLength"/> days, or null when the line
    /// cannot be scheduled. Days outside the cycle, reversed ranges and counted doses that fall on unlisted
    /// days are the checker's to report (RL2001-RL2003): the evaluator is only ever asked after the check
    /// passed, and refuses silently here. A frequency it cannot expand is reported (RL6005, RL6008).
    /// </summary>
    public static ImmutableArray<ScheduledDose>? Doses(BoundAdministration administration, int cycleLength, IDiagnosticSink problems)
    {
        var line = administration.Line;
        var days = ListedDays(administration.Days);
        foreach (var range in administration.Days.Ranges)
        {
            if (range.Last < range.First || range.First < 1 || range.Last > cycleLength)
            {
                return null;
            }
        }
        if (days.IsEmpty)
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<ScheduledDose>();
        var frequency = line.Frequency;
        if (line.IsContinuous)
        {
            // A continuous infusion: one entry per listed day, at the first-dose time, with that day's amount.
            foreach (int day in days)
            {
                result.Add(new ScheduledDose((day - 1) * 24, day, null, null));
            }
            return result.ToImmutable();
        }

        int[] offsets;
        switch (frequency?.Kind)
        {
            case null or FrequencyKind.Once or FrequencyKind.Daily or FrequencyKind.Qd:
                offsets = [0];
                break;
            case FrequencyKind.Bid:
                offsets = [0, 12];
                break;
            case FrequencyKind.Tid:
                offsets = [0, 6, 12];
                break;
            case FrequencyKind.Qid:
                offsets = [0, 4, 8, 12];
                break;
            case FrequencyKind.Qod:
                problems.Report(Diagnose.EveryOtherDayNotExpandable(frequency.Span));
                return null;
            case FrequencyKind.EveryHours when frequency.Hours < 1 || frequency.Hours > 24 || (24 % frequency.Hours != 0 && frequency.Count is null):
                problems.Report(Diagnose.IntervalNotDividingDay(frequency.Span, frequency.Text));
                return null;
            case FrequencyKind.EveryHours when frequency.Count is { } count:
                return CountedDoses(frequency, count, days, problems);
            default: // q<N>h round the clock: 24/N doses every listed day
                int n = frequency!.Hours;
                offsets = [.. Enumerable.Range(0, 24 / n).Select(k => k * n)];
                break;
        }
        foreach (int day in days)
        {
            foreach (int offset in offsets)
            {
                result.Add(new ScheduledDose((day - 1) * 24 + offset, day, null, null));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The first of <paramref name="total"/> doses <paramref name="hours"/> apart (from the first-dose time of the
    /// first listed day) that falls on an unlisted treatment day, with the last day the doses need; null when all fit.
    /// Dose k falls on treatment day first + floor((k-1) * hours / 24), whatever the clock time.
    /// </summary>
    public static (int Dose, int Day, int LastDay)? CountedDoseOutsideDays(int hours, int total, ImmutableArray<int> days)
    {
        int first = days[0];
        int lastDay = first + (int)((long)(total - 1) * hours / 24);
        for (int k = 0; k < total; k++)
        {
            int day = first + (int)((long)k * hours / 24);
            if (days.BinarySearch(day) < 0)
            {
                return (k + 1, day, lastDay);
            }
        }
        return null;
    }

    /// <summary>The most doses one <c>q&lt;N&gt;h x count</c> line lays out.</summary>
    public const int MaxCountedDoses = 10_000;

    /// <summary><c>q&lt;N&gt;h x count</c>: count doses N hours apart from the first-dose time of the first listed day, each on a listed day.</summary>
    private static ImmutableArray<ScheduledDose>? CountedDoses(FrequencySyntax frequency, NumberLiteral count, ImmutableArray<int> days, IDiagnosticSink problems)
    {
        if (!count.IsWholeNumber || count.Value < 1 || count.Value > MaxCountedDoses)
        {
            problems.Report(Diagnose.DoseCountTooLarge(count.Span, count.Text, MaxCountedDoses));
            return null;
        }
        int total = (int)count.Value;
        if (CountedDoseOutsideDays(frequency.Hours, total, days) is not null)
        {
            return null;
        }
        int first = days[0];
        var result = ImmutableArray.CreateBuilder<ScheduledDose>(total);
        for (int k = 0; k < total; k++)
        {
            int hours = (first - 1) * 24 + k * frequency.Hours;
            result.Add(new ScheduledDose(hours, hours / 24 + 1, k + 1, total));
        }
        return result.ToImmutable();
    }
}
