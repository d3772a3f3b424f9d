using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Parsing;

/// <summary>Checks on numbers the grammar cannot express: whole numbers, positive amounts, sane sizes.</summary>
internal static class StatementValidator
{
    /// <summary>Largest day, cycle or repeat number accepted; far beyond any regimen, small enough for int arithmetic.</summary>
    public const int MaxCount = 100_000;

    /// <summary>A whole number from 1 to <see cref="MaxCount"/>; reports and returns false otherwise.</summary>
    public static bool CheckCount(NumberLiteral number, string what, DiagnosticBag diagnostics)
    {
        if (!number.IsWholeNumber)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidNumber, number.Span, $"{what} must be a whole number, not {number.Text}");
            return false;
        }
        if (number.Value < 1 || number.Value > MaxCount)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidNumber, number.Span, $"{what} must be from 1 to {MaxCount:N0}, not {number.Text}");
            return false;
        }
        return true;
    }

    /// <summary>
    /// The largest amount accepted (a dose, cap, step, limit, duration or AUC). Far above any real
    /// value in any unit, and small enough that unit conversions, body-size factors and plan totals
    /// stay within exact decimal arithmetic.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>A positive amount no larger than <see cref="MaxAmount"/>; reports and returns false otherwise.</summary>
    public static bool CheckPositive(NumberLiteral number, string what, DiagnosticBag diagnostics)
    {
        if (number.Value <= 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidNumber, number.Span, $"{what} must be greater than zero, not {number.Text}");
            return false;
        }
        if (number.Value > MaxAmount)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidNumber, number.Span, $"{what} of {number.Text} is beyond any real value (at most {MaxAmount:N0})");
            return false;
        }
        return true;
    }

    public static void CheckRanges(IEnumerable<DayRange> ranges, string what, DiagnosticBag diagnostics)
    {
        foreach (var range in ranges)
        {
            CheckCount(range.From, what, diagnostics);
            if (range.To is { } to)
            {
                CheckCount(to, what, diagnostics);
            }
        }
    }

    /// <summary>Repeat counts and rest lengths of a plan sequence.</summary>
    public static void CheckSequence(SequenceSyntax sequence, DiagnosticBag diagnostics)
    {
        foreach (var node in SyntaxWalk.Nodes(sequence))
        {
            switch (node)
            {
                case RepeatSequence repeat:
                    CheckCount(repeat.Count, "a repeat count", diagnostics);
                    break;
                case RestSequence rest:
                    CheckCount(rest.Amount, "a rest length", diagnostics);
                    break;
            }
        }
    }
}
