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

    /// <summary>A positive amount no larger than <see cref="MaxAmount"/>, or the problem.</summary>
    public static Diagnostic? Positive(NumberLiteral number, NumberRole role)
    {
        if (number.Value <= 0)
        {
            return Diagnose.NotPositive(number.Span, role, number.Text);
        }
        return number.Value > MaxAmount ? Diagnose.BeyondAnyRealValue(number.Span, role, number.Text, MaxAmount) : null;
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
                _ => null,
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }
}
