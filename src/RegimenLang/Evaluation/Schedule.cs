using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// One dose of a line laid out in its cycle (or phase): minutes from midnight of the container's day 1 (negative
/// before it), the day it belongs to, its number in a counted series, its ramp step, and whether its clock time
/// comes from the patient's first-dose time (the waking-day model) rather than from <c>at</c>.
/// </summary>
/// <param name="Day">The container's day the dose belongs to: the listed day (a q6h dose after midnight keeps it).</param>
/// <param name="Step">The 0-based step of a ramp; -1 for other lines.</param>
public readonly record struct ScheduledDose(long Minutes, int Day, int? DoseNumber, int? DoseCount, int Step, bool DefaultTime);

/// <summary>
/// When the doses of a line fall within its cycle or phase. Day d is dated day 1 + (d - 1), so day 0 is the day
/// before day 1 and day -1 the day before that. A dose is placed at the line's clock time (<c>at</c>) on its day,
/// or at the patient's first-dose time with the waking-day offsets (<c>bid</c> +12 h, <c>tid</c> +6 h and +12 h,
/// <c>qid</c> every 4 h; <c>q6h</c> round the clock, so treatment day d runs from the first-dose time to the same
/// time the next date). Lines timed from another are placed by <see cref="DoseLayout"/>, from their anchor.
/// </summary>
public static class Schedule
{
    public const int MinutesPerDay = 24 * 60;

    /// <summary>The most doses one <c>q&lt;N&gt;h x count</c> or <c>every N days x count</c> line lays out.</summary>
    public const int MaxCountedDoses = 10_000;

    /// <summary>The listed days of a line, in order and without repeats.</summary>
    public static ImmutableArray<int> ListedDays(DaysSyntax days) => days.Listed;

    /// <summary>
    /// The doses of a line that is not timed from another, in a container of <paramref name="containerLength"/> days,
    /// or null when the line cannot be laid out. What the checker reports (days outside the cycle, counted doses on
    /// unlisted days, clock times that do not fit the frequency) is refused silently here: the evaluator is asked only
    /// after the check. A frequency it cannot expand is reported (RL6005, RL6008).
    /// </summary>
    public static ImmutableArray<ScheduledDose>? Doses(BoundAdministration administration, int containerLength, int firstDoseMinutes, IDiagnosticSink problems)
    {
        var line = administration.Line;
        var frequency = line.Frequency;
        var days = administration.ListedDays;
        if (!DaysUsable(administration, containerLength))
        {
            return null;
        }
        if (frequency is { Kind: FrequencyKind.Qod })
        {
            problems.Report(Diagnose.EveryOtherDayNotExpandable(frequency.Span));
            return null;
        }
        if (line.AsNeeded is { } prn)
        {
            return AsNeededDoses(line, prn, days, containerLength, firstDoseMinutes);
        }
        if (DayTimes(line, firstDoseMinutes) is not { } times)
        {
            return null;
        }
        if (frequency is { Kind: FrequencyKind.EveryHours, Count: { } count })
        {
            return CountedDoses(frequency, count, days, times[0], problems);
        }

        var result = ImmutableArray.CreateBuilder<ScheduledDose>();
        if (line.Dose is RampDose ramp)
        {
            if (ramp.StepDays == 0)
            {
                return null;
            }
            int start = days[0];
            for (int step = 0; step < ramp.Steps.Length; step++)
            {
                for (int j = 0; j < ramp.StepDays; j++)
                {
                    AddDay(result, start + step * ramp.StepDays + j, times, step, null, null);
                }
            }
            return result.ToImmutable();
        }
        if (frequency is { SpansDays: true } spanning)
        {
            return SpanningDoses(spanning, days, containerLength, times, problems);
        }
        foreach (int day in days)
        {
            AddDay(result, day, times, -1, null, null);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// An as-needed line at its maximum: on each listed day (every day of the container without days), its most doses a
    /// day (one without <c>at most</c>, which the checker reports), spread evenly over the day from its clock time and
    /// numbered 1 to N. The evaluator shows the first of each day as the as-needed entry; the checker counts them all.
    /// A frequency, a ramp, a continuous infusion or several clock times cannot go with it (the checker reports them).
    /// </summary>
    private static ImmutableArray<ScheduledDose>? AsNeededDoses(AdministrationLine line, AsNeededModifier prn, ImmutableArray<int> days, int containerLength,
        int firstDoseMinutes)
    {
        if (line.Frequency is not null || line.Dose is RampDose || line.IsContinuous || line.At is { Times.Length: > 1 } || line.At?.Times[0].IsValid == false)
        {
            return null;
        }
        int most = prn.Max ?? 1;
        long start = line.At is { } at ? at.Times[0].Hour * 60L + at.Times[0].Minute : firstDoseMinutes;
        var result = ImmutableArray.CreateBuilder<ScheduledDose>();
        foreach (int day in days.IsEmpty ? [.. Enumerable.Range(1, containerLength)] : days)
        {
            for (int k = 0; k < most; k++)
            {
                result.Add(new ScheduledDose((day - 1L) * MinutesPerDay + start + k * (MinutesPerDay / most), day, k + 1, most, -1, line.At is null));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The doses of one day of a line timed from another: from <paramref name="firstMinutes"/>, at the offsets its frequency gives.</summary>
    public static ImmutableArray<(long Minutes, int? DoseNumber, int? DoseCount)>? TimedDoses(AdministrationLine line, long firstMinutes, IDiagnosticSink problems)
    {
        var frequency = line.Frequency;
        if (frequency is { Kind: FrequencyKind.Qod })
        {
            problems.Report(Diagnose.EveryOtherDayNotExpandable(frequency.Span));
            return null;
        }
        if (frequency is { SpansDays: true } || line.At is not null || line.Dose is RampDose || line.AsNeeded is not null)
        {
            return null; // the checker reports a timing with these (RL2003, RL3040)
        }
        if (frequency is { Kind: FrequencyKind.EveryHours, Count: { } count })
        {
            if (!CountUsable(count, problems))
            {
                return null;
            }
            return [.. Enumerable.Range(0, (int)count.Value).Select(k => (firstMinutes + (long)k * frequency.Hours * 60, (int?)(k + 1), (int?)(int)count.Value))];
        }
        if (PerDayOffsets(frequency, problems) is not { } offsets)
        {
            return null;
        }
        return [.. offsets.Select(o => (firstMinutes + o, (int?)null, (int?)null))];
    }

    /// <summary>Whether the line's days can be laid out in a container of this length (the checker reports the rest: RL2001, RL2002).</summary>
    private static bool DaysUsable(BoundAdministration administration, int containerLength)
    {
        var written = administration.Days;
        foreach (var range in written?.Ranges ?? [])
        {
            if (range.Last < range.First || range.Last > containerLength)
            {
                return false;
            }
        }
        var line = administration.Line;
        bool needsDays = line.Frequency?.SpansDays != true && line.Dose is not RampDose && line.AsNeeded is null;
        return !(needsDays && administration.ListedDays.IsEmpty) && !(line.Frequency?.Kind == FrequencyKind.Throughout && written is not null);
    }

    /// <summary>
    /// The clock times of the line's doses on one day, in minutes from midnight: the <c>at</c> times, or the
    /// first-dose time with the frequency's offsets; null when they do not fit together (RL2003 reports it).
    /// Each time says whether it came from the first-dose time.
    /// </summary>
    private static (long Minutes, bool DefaultTime)[]? DayTimes(AdministrationLine line, int firstDoseMinutes)
    {
        var frequency = line.Frequency;
        if (line.At is { } at)
        {
            if (!at.Times.All(t => t.IsValid) || !AtFits(frequency, at.Times.Length, line.IsContinuous))
            {
                return null;
            }
            if (at.Times.Length == 1 && PerDay(frequency) is > 1 && PerDayOffsets(frequency, null) is { } fromFirst)
            {
                // One time: the first dose of the day, the others at the frequency's offsets from it.
                long first = at.Times[0].Hour * 60L + at.Times[0].Minute;
                return [.. fromFirst.Select(o => (first + o, false))];
            }
            return [.. at.Times.Select(t => (t.Hour * 60L + t.Minute, false))];
        }
        if (frequency is { Kind: FrequencyKind.EveryHours, Count: not null } || frequency?.SpansDays == true || line.IsContinuous)
        {
            return [(firstDoseMinutes, true)];
        }
        return PerDayOffsets(frequency, null) is { } offsets ? [.. offsets.Select(o => (firstDoseMinutes + o, true))] : null;
    }

    /// <summary>Whether <paramref name="times"/> clock times suit the frequency: one (the first dose), or one per dose of the day.</summary>
    public static bool AtFits(FrequencySyntax? frequency, int times, bool continuous)
    {
        if (continuous || frequency is { Kind: FrequencyKind.EveryHours, Count: not null } || frequency?.SpansDays == true)
        {
            return times == 1;
        }
        return frequency is null || times == 1 || times == PerDay(frequency);
    }

    /// <summary>Doses a day for the frequencies that repeat every day (1 without a frequency).</summary>
    public static int PerDay(FrequencySyntax? frequency) => frequency?.PerDay is { } n && n > 0 ? n : 1;

    /// <summary>Minutes after the first dose of the day of each dose of the day; null (reported when a sink is given) for an interval that does not divide 24 h.</summary>
    private static long[]? PerDayOffsets(FrequencySyntax? frequency, IDiagnosticSink? problems)
    {
        switch (frequency?.Kind)
        {
            case null or FrequencyKind.Once or FrequencyKind.Daily or FrequencyKind.Qd or FrequencyKind.Throughout or FrequencyKind.Weekly or FrequencyKind.EveryDays:
                return [0];
            case FrequencyKind.Bid:
                return [0, 12 * 60];
            case FrequencyKind.Tid:
                return [0, 6 * 60, 12 * 60];
            case FrequencyKind.Qid:
                return [0, 4 * 60, 8 * 60, 12 * 60];
            case FrequencyKind.EveryHours when frequency.Hours >= 1 && frequency.Hours <= 24 && 24 % frequency.Hours == 0:
                return [.. Enumerable.Range(0, 24 / frequency.Hours).Select(k => k * frequency.Hours * 60L)];
            default:
                problems?.Report(Diagnose.IntervalNotDividingDay(frequency.Span, frequency.Text));
                return null;
        }
    }

    private static void AddDay(ImmutableArray<ScheduledDose>.Builder result, int day, (long Minutes, bool DefaultTime)[] times, int step, int? number, int? count)
    {
        long midnight = (day - 1L) * MinutesPerDay;
        foreach (var (minutes, defaultTime) in times)
        {
            result.Add(new ScheduledDose(midnight + minutes, day, number, count, step, defaultTime));
        }
    }

    /// <summary>
    /// <c>weekly</c>, <c>every N days</c> and <c>throughout</c>: from the first listed day (day 1 without days) every N days,
    /// for the count given, else over the listed days (or to the end of the container).
    /// </summary>
    private static ImmutableArray<ScheduledDose>? SpanningDoses(FrequencySyntax frequency, ImmutableArray<int> days, int containerLength,
        (long Minutes, bool DefaultTime)[] times, IDiagnosticSink problems)
    {
        var result = ImmutableArray.CreateBuilder<ScheduledDose>();
        if (frequency.Kind == FrequencyKind.Throughout)
        {
            for (int day = 1; day <= containerLength; day++)
            {
                AddDay(result, day, times, -1, null, null);
            }
            return result.ToImmutable();
        }
        int interval = frequency.IntervalDays;
        if (interval == 0)
        {
            return null;
        }
        int start = days.IsEmpty ? 1 : days[0];
        if (frequency.Count is { } count)
        {
            if (!CountUsable(count, problems))
            {
                return null;
            }
            int total = (int)count.Value;
            for (int k = 0; k < total; k++)
            {
                AddDay(result, start + k * interval, times, -1, k + 1, total);
            }
            return result.ToImmutable();
        }
        int last = days.IsEmpty ? containerLength : days[^1];
        for (int day = start; day <= last; day += interval)
        {
            if (days.IsEmpty || days.BinarySearch(day) >= 0)
            {
                AddDay(result, day, times, -1, null, null);
            }
        }
        return result.ToImmutable();
    }

    private static bool CountUsable(NumberLiteral count, IDiagnosticSink problems)
    {
        if (!count.IsWholeNumber || count.Value < 1 || count.Value > MaxCountedDoses)
        {
            problems.Report(Diagnose.DoseCountTooLarge(count.Span, count.Text, MaxCountedDoses));
            return false;
        }
        return true;
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

    /// <summary><c>q&lt;N&gt;h x count</c>: count doses N hours apart from the first dose of the first listed day, each on a listed day.</summary>
    private static ImmutableArray<ScheduledDose>? CountedDoses(FrequencySyntax frequency, NumberLiteral count, ImmutableArray<int> days,
        (long Minutes, bool DefaultTime) first, IDiagnosticSink problems)
    {
        if (!CountUsable(count, problems))
        {
            return null;
        }
        if (frequency.Hours < 1)
        {
            problems.Report(Diagnose.IntervalNotDividingDay(frequency.Span, frequency.Text));
            return null;
        }
        int total = (int)count.Value;
        if (CountedDoseOutsideDays(frequency.Hours, total, days) is not null)
        {
            return null;
        }
        int firstDay = days[0];
        var result = ImmutableArray.CreateBuilder<ScheduledDose>(total);
        for (int k = 0; k < total; k++)
        {
            long hours = (long)k * frequency.Hours;
            result.Add(new ScheduledDose((firstDay - 1L) * MinutesPerDay + first.Minutes + hours * 60, firstDay + (int)(hours / 24), k + 1, total, -1, first.DefaultTime));
        }
        return result.ToImmutable();
    }

    /// <summary>An upper bound of the doses a line gives in a container, counted without laying anything out (the plan-size guard).</summary>
    public static long Estimate(BoundAdministration administration, int containerLength)
    {
        var line = administration.Line;
        long days = administration.Days?.Ranges.Sum(r => r.Last >= r.First ? (long)r.Last - r.First + 1 : 0) ?? administration.ListedDays.Length;
        long perDay = Math.Max(1, Math.Max(line.At?.Times.Length ?? 1, line.Frequency?.PerDay ?? 1));
        if (line.Frequency is { Count: { } n })
        {
            return (long)Math.Min(n.Value, long.MaxValue / 4) * perDay;
        }
        if (line.Dose is RampDose ramp)
        {
            return (long)ramp.Steps.Length * Math.Max(1, ramp.StepDays) * perDay;
        }
        if (line.Frequency is { SpansDays: true })
        {
            return Math.Max(days, containerLength) * perDay;
        }
        return Math.Max(1, days) * perDay;
    }
}
