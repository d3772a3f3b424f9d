namespace RegimenLang.Semantics.Patients;

public enum BsaFormula
{
    Mosteller,
    DuBois,
}

/// <summary>
/// Body surface area from height (cm) and weight (kg). The formulas need a square root and powers,
/// so they run in double; the result is rounded to 2 decimals (as BSA is charted and as dose
/// calculators print it) and from then on every dose is exact decimal arithmetic on that value.
/// </summary>
public static class BodySurfaceArea
{
    /// <summary>Mosteller: sqrt(height x weight / 3600).</summary>
    public static decimal Mosteller(decimal heightCm, decimal weightKg) =>
        Round(Math.Sqrt((double)heightCm * (double)weightKg / 3600.0));

    /// <summary>DuBois and DuBois: 0.007184 x height^0.725 x weight^0.425.</summary>
    public static decimal DuBois(decimal heightCm, decimal weightKg) =>
        Round(0.007184 * Math.Pow((double)heightCm, 0.725) * Math.Pow((double)weightKg, 0.425));

    public static decimal Compute(BsaFormula formula, decimal heightCm, decimal weightKg) =>
        formula == BsaFormula.DuBois ? DuBois(heightCm, weightKg) : Mosteller(heightCm, weightKg);

    /// <summary>Two decimals, halves away from zero.</summary>
    public static decimal Round(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
