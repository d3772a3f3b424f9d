using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Parsing;

/// <summary>Checks on numbers the grammar cannot express: whole numbers, positive amounts, sane sizes.</summary>
internal static class StatementValidator
{
    /// <summary>Largest day, cycle or repeat number accepted; far beyond any regimen, small enough for int arithmetic.</summary>
    public const int MaxCount = 100_000;

    /// <summary>
    /// The largest amount accepted (a dose, cap, step, limit, duration or AUC). Far above any real
    /// value in any unit, and small enough that unit conversions, body-size factors and plan totals
    /// stay within exact decimal arithmetic.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>A whole number from 1 to <see cref="MaxCount"/>, or the problem.</summary>
    public static Diagnostic? Count(NumberLiteral number, NumberRole role)
    {
        if (!number.IsWholeNumber)
        {
            return Diagnose.NotWholeNumber(number.Span, role, number.Text);
        }
        return number.Value < 1 || number.Value > MaxCount
            ? Diagnose.NumberOutOfRange(number.Span, role, number.Text, 1, MaxCount)
            : null;
    }

    /// <summary>The longest time a line or an order may be placed before or after the line it is timed from (one week).</summary>
    public const int MaxOffsetMinutes = 7 * 24 * 60;

    /// <summary>The problems of an offset from an anchor (<c>24 h after mtx</c>): zero, not positive, too large, or over a week.</summary>
    public static IEnumerable<Diagnostic> Offset(DurationSyntax offset, string anchor)
    {
        if (offset.Amount.Value == 0)
        {
            yield return Diagnose.ZeroOffset(offset.Amount.Span, offset.Amount.Text, anchor);
        }
        else if (Positive(offset.Amount, NumberRole.TimingOffset) is { } problem)
        {
            yield return problem;
        }
        if (offset.TotalMinutes > MaxOffsetMinutes)
        {
            yield return Diagnose.OffsetTooLong(offset.Span, $"{offset.Amount.Text} {offset.UnitText}");
        }
    }

    /// <summary>The clock times of an <c>at</c> clause that are not times of day (25:00, 7:60).</summary>
    public static IEnumerable<Diagnostic> ClockTimes(AtModifier at) =>
        at.Times.Where(t => !t.IsValid).Select(t => Diagnose.InvalidClockTime(t.Span, t.Written));

    /// <summary>A positive amount no larger than <see cref="MaxAmount"/>, or the problem.</summary>
    public static Diagnostic? Positive(NumberLiteral number, NumberRole role)
    {
        if (number.Value <= 0)
        {
            return Diagnose.NotPositive(number.Span, role, number.Text);
        }
        return number.Value > MaxAmount ? Diagnose.BeyondAnyRealValue(number.Span, role, number.Text, MaxAmount) : null;
    }

    /// <summary>The highest dose level (and the lowest is its negative): far beyond any protocol's table (-4 to 2).</summary>
    public const int MaxDoseLevel = 20;

    /// <summary>
    /// The largest percentage of the full dose a level may be: an escalation beyond ten times the full dose is a slip,
    /// and the bound keeps every scaled dose within exact decimal arithmetic.
    /// </summary>
    public const int MaxDosePercentage = 1000;

    /// <summary>The numbers of a <c>levels</c> line: whole level numbers, positive doses, percentages from above 0 to 1000.</summary>
    public static IEnumerable<Diagnostic> Levels(LevelsStatement levels)
    {
        foreach (var level in levels.Levels)
        {
            if (!level.Level.IsWholeNumber)
            {
                yield return Diagnose.NotWholeNumber(level.Level.Span, NumberRole.DoseLevel, level.Level.Text);
            }
            else if (Math.Abs(level.Level.Value) > MaxDoseLevel)
            {
                yield return Diagnose.NumberOutOfRange(level.Level.Span, NumberRole.DoseLevel, level.Level.Text, -MaxDoseLevel, MaxDoseLevel);
            }
            var problem = level.Dose switch
            {
                AmountDose amount => Positive(amount.Amount, NumberRole.Dose),
                AucDose auc => Positive(auc.Target, NumberRole.AucTarget),
                _ when level.Percent is { } pct => pct.Value <= 0 ? Diagnose.NotPositive(pct.Span, NumberRole.DosePercentage, pct.Text)
                    : pct.Value > MaxDosePercentage ? Diagnose.BeyondAnyRealValue(pct.Span, NumberRole.DosePercentage, pct.Text, MaxDosePercentage)
                    : null,
                _ => null,
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>The earliest day a line may name: a year before day 1 (a prephase, a conditioning regimen, "the day before").</summary>
    public const int MinDay = -365;

    /// <summary>Day numbers: whole numbers from <see cref="MinDay"/> to <see cref="MaxCount"/>.</summary>
    public static IEnumerable<Diagnostic> Days(IEnumerable<DayRange> ranges)
    {
        foreach (var number in ranges.SelectMany(r => r.To is null ? [r.From] : new[] { r.From, r.To }))
        {
            if (!number.IsWholeNumber)
            {
                yield return Diagnose.NotWholeNumber(number.Span, NumberRole.DayNumber, number.Text);
            }
            else if (number.Value < MinDay || number.Value > MaxCount)
            {
                yield return Diagnose.NumberOutOfRange(number.Span, NumberRole.DayNumber, number.Text, MinDay, MaxCount);
            }
        }
    }

    public static IEnumerable<Diagnostic> Ranges(IEnumerable<DayRange> ranges, NumberRole role)
    {
        foreach (var range in ranges)
        {
            if (Count(range.From, role) is { } from)
            {
                yield return from;
            }
            if (range.To is { } to && Count(to, role) is { } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>Repeat counts and rest lengths of a plan sequence.</summary>
    public static IEnumerable<Diagnostic> Sequence(SequenceSyntax sequence)
    {
        foreach (var node in sequence.DescendantsAndSelf())
        {
            var problem = node switch
            {
                RepeatSequence repeat => Count(repeat.Count, NumberRole.RepeatCount),
                RestSequence rest => Count(rest.Amount, NumberRole.RestLength),
                OpenRepeatSequence open => open.Bounds().Select(b => Count(b.Bound.Amount, NumberRole.CourseBound)).FirstOrDefault(d => d is not null),
                _ => null,
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }
}
