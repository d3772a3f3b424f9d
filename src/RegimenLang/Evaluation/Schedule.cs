using System.Collections.Immutable;
using RegimenLang.Diagnostics;
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
    /// The doses of <paramref name="line"/> in a cycle of <paramref name="cycleLength"/> days, or null with
    /// diagnostics when the line cannot be scheduled (day outside the cycle, unsupported frequency, a
    /// <c>q&lt;N&gt;h x n</c> dose outside the listed days).
    /// </summary>
    public static ImmutableArray<ScheduledDose>? Doses(AdministrationLine line, string cycleName, int cycleLength, DiagnosticBag diagnostics)
    {
        var days = ListedDays(line.Days);
        bool ok = true;
        foreach (var range in line.Days.Ranges)
        {
            if (range.Last < range.First)
            {
                diagnostics.Add(DiagnosticCatalog.UnusableScheduleNumber, range.Span, $"days {range.First}-{range.Last} run backwards: write {range.Last}-{range.First}");
                ok = false;
            }
            foreach (int edge in (int[])[range.First, range.Last])
            {
                if (edge < 1 || edge > cycleLength)
                {
                    diagnostics.Add(DiagnosticCatalog.DayOutsideCycle, range.Span, edge, cycleName, cycleLength);
                    ok = false;
                    break;
                }
            }
        }
        if (!ok || days.IsEmpty)
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
                diagnostics.Add(DiagnosticCatalog.UnsupportedFrequency, frequency.Span,
                    "qod (every other day) cannot be expanded on listed days: list the days instead, e.g. days 1, 3, 5");
                return null;
            case FrequencyKind.EveryHours when frequency.Hours < 1 || frequency.Hours > 24 || (24 % frequency.Hours != 0 && frequency.Count is null):
                diagnostics.Add(DiagnosticCatalog.UnsupportedFrequency, frequency.Span,
                    $"{frequency.Text}: round-the-clock dosing needs an interval that divides 24 hours (q4h, q6h, q8h, q12h, q24h)");
                return null;
            case FrequencyKind.EveryHours when frequency.Count is { } count:
                return CountedDoses(line, frequency, count, days, diagnostics);
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

    /// <summary><c>q&lt;N&gt;h x count</c>: count doses N hours apart from the first-dose time of the first listed day, each on a listed day.</summary>
    private static ImmutableArray<ScheduledDose>? CountedDoses(AdministrationLine line, FrequencySyntax frequency, NumberLiteral count, ImmutableArray<int> days, DiagnosticBag diagnostics)
    {
        if (!count.IsWholeNumber || count.Value < 1 || count.Value > 10_000)
        {
            diagnostics.Add(DiagnosticCatalog.UnusableScheduleNumber, count.Span, $"x {count.Text}: a dose count is a whole number from 1 to 10000");
            return null;
        }
        int total = (int)count.Value;
        if (CountedDoseOutsideDays(frequency.Hours, total, days) is { } outside)
        {
            diagnostics.Add(DiagnosticCatalog.DosesDoNotFit, line.Days.Span,
                $"{frequency.Text} x {count.Text}", days[0], outside.Dose, outside.Day, outside.LastDay);
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

    private static string DaysText(DaysSyntax days) =>
        string.Join(", ", days.Ranges.Select(r => r.First == r.Last ? r.First.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{r.First}-{r.Last}"));
}
