using System.Globalization;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>Exact conversions between the mass units (g, mg, mcg, ng); "units" convert only to themselves.</summary>
public static class Units
{
    /// <summary>Nanograms per unit of <paramref name="mass"/>; 0 for <see cref="MassUnit.Unit"/>.</summary>
    public static decimal Nanograms(MassUnit mass) => mass switch
    {
        MassUnit.Gram => 1_000_000_000m,
        MassUnit.Milligram => 1_000_000m,
        MassUnit.Microgram => 1_000m,
        MassUnit.Nanogram => 1m,
        _ => 0m,
    };

    /// <summary>Whether amounts in the two units can be added or compared.</summary>
    public static bool Compatible(MassUnit a, MassUnit b) => (a == MassUnit.Unit) == (b == MassUnit.Unit);

    /// <summary><paramref name="amount"/> in <paramref name="from"/> expressed in <paramref name="to"/>; exact (decimal), units must be compatible.</summary>
    public static decimal Convert(decimal amount, MassUnit from, MassUnit to) =>
        from == to || from == MassUnit.Unit ? amount : amount * Nanograms(from) / Nanograms(to);

    /// <summary>The smaller of two compatible units (so a sum in it stays exact).</summary>
    public static MassUnit Smaller(MassUnit a, MassUnit b) => a == MassUnit.Unit ? a : Nanograms(a) <= Nanograms(b) ? a : b;

    /// <summary>An amount as printed: at most 3 decimals (halves away from zero), no trailing zeros.</summary>
    public static decimal Display(decimal amount) =>
        // Dividing by 1.000... drops the trailing zeros decimal keeps from its operands (280.50 -> 280.5).
        Math.Round(amount, 3, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    public static string Format(decimal amount) =>
        Display(amount).ToString("0.###", CultureInfo.InvariantCulture);
}
