using System.Collections.Immutable;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>One level of a drug's table: its number and what it gives (a dose, a percentage of the full dose, or nothing).</summary>
public sealed record DoseLevel(int Number, DoseLevelSyntax Syntax)
{
    public DoseSyntax? Dose => Syntax.Dose;

    /// <summary>The percentage of the full dose, for a level written as one.</summary>
    public decimal? Percent => Syntax.Percent?.Value;

    public bool IsOmit => Syntax.IsOmit;

    /// <summary>"-1: 150 mg/m2".</summary>
    public override string ToString() => $"{Number}: {Syntax.ValueText}";
}

/// <summary>
/// The dose levels of one drug (<c>levels irinotecan { ... }</c>), bound: only entries without errors, and only when level 0
/// (the full dose) is among them. Level 0 is a dose or 100%; the other dose levels are in level 0's unit and basis.
/// </summary>
public sealed record DoseLevelTable(DrugEntry Drug, LevelsStatement Syntax, ImmutableSortedDictionary<int, DoseLevel> Levels)
{
    public DoseLevel Full => Levels[0];

    /// <summary>The level numbers, highest first (0, -1, -2, ...), as a patient may name them.</summary>
    public IReadOnlyList<int> Numbers => [.. Levels.Keys.Reverse()];

    public DoseLevel? Find(int number) => Levels.GetValueOrDefault(number);

    /// <summary>
    /// How many times the full dose a level gives every line of the drug (a percentage over 100, a dose over level 0's);
    /// null for <c>omit</c>. Every dose of the drug scales by the same factor, so its totals do too.
    /// </summary>
    public decimal? Factor(DoseLevel level) =>
        level.IsOmit ? null
        : level.Number == 0 ? 1m
        : level.Percent is { } percent ? percent / 100m
        : DoseLevelArithmetic.Value(level.Dose!) / DoseLevelArithmetic.Value(Full.Dose!);

    /// <summary>The level that gives the most (the highest factor), when it gives more than the full dose; null when none does.</summary>
    public DoseLevel? Highest() =>
        Levels.Values.Where(l => Factor(l) > 1m).OrderByDescending(l => Factor(l)).ThenByDescending(l => l.Number).FirstOrDefault();
}

/// <summary>How a level changes a dose: shared by the evaluator (the timeline), the checker and the binder's messages.</summary>
public static class DoseLevelArithmetic
{
    /// <summary>
    /// The dose <paramref name="prescribed"/> (a line's dose, or one step of its ramp) at <paramref name="level"/>, or null
    /// when the level omits the drug. Level 0 is the line as written; a percentage scales the dose; a level written as a dose
    /// is that dose for a line at the full dose, and the same proportion of the full dose for any other line.
    /// </summary>
    public static DoseSyntax? Apply(DoseLevelTable table, DoseLevel level, DoseSyntax lineDose, DoseSyntax prescribed)
    {
        if (level.IsOmit)
        {
            return null;
        }
        if (level.Number == 0)
        {
            return prescribed;
        }
        if (level.Percent is { } percent)
        {
            return Scale(prescribed, percent, 100m);
        }
        var dose = level.Dose!;
        var full = table.Full.Dose!;
        return ReferenceEquals(prescribed, lineDose) && SameDose(full, lineDose) ? dose : Scale(prescribed, Value(dose), Value(full));
    }

    /// <summary>Whether a line's dose is the full dose of the table (so a level written as a dose replaces it exactly).</summary>
    public static bool IsFullDose(DoseLevelTable table, DoseSyntax dose) => table.Full.Dose is not { } full || SameDose(full, dose);

    /// <summary>The same dose: the same amount in the same unit, basis and rate, or the same AUC.</summary>
    public static bool SameDose(DoseSyntax a, DoseSyntax b) => SameKind(a, b) && Value(a) == Value(b);

    /// <summary>Doses in the same unit, basis and rate (mg/m2 beside mg/m2), or both AUC: one is a multiple of the other.</summary>
    public static bool SameKind(DoseSyntax a, DoseSyntax b) => (a, b) switch
    {
        (AmountDose x, AmountDose y) => x.Unit.Mass == y.Unit.Mass && x.Unit.Basis == y.Unit.Basis && x.Unit.Rate == y.Unit.Rate,
        (AucDose, AucDose) => true,
        _ => false,
    };

    /// <summary>The number of an amount or AUC dose (0 for a ramp, which no level is written as).</summary>
    public static decimal Value(DoseSyntax dose) => dose switch
    {
        AmountDose a => a.Amount.Value,
        AucDose u => u.Target.Value,
        _ => 0m,
    };

    /// <summary>The dose times <paramref name="numerator"/> / <paramref name="denominator"/> (a ramp: each step).</summary>
    public static DoseSyntax Scale(DoseSyntax dose, decimal numerator, decimal denominator) => dose switch
    {
        AmountDose a => a with { Amount = Scale(a.Amount, numerator, denominator) },
        AucDose u => u with { Target = Scale(u.Target, numerator, denominator) },
        RampDose r => r with { Steps = [.. r.Steps.Select(s => s with { Amount = Scale(s.Amount, numerator, denominator) })] },
        _ => dose,
    };

    private static NumberLiteral Scale(NumberLiteral number, decimal numerator, decimal denominator)
    {
        // Multiplied first, so that 180 x 150 / 180 is exactly 150; the parser bounds every factor, so this cannot overflow.
        // The value keeps 6 decimals for the arithmetic; the text shows 3, as every printed amount does.
        decimal value = Math.Round(number.Value * numerator / denominator, 6, MidpointRounding.AwayFromZero);
        return new NumberLiteral(value, value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), number.Span);
    }
}
