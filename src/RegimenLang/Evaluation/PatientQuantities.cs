using System.Globalization;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Evaluation;

/// <summary>
/// Reads and range-checks patient quantities, for the patient file and the flags alike. The ranges
/// reject values no patient can have (a weight of 0, a BSA of 9 m2, a height of 20 m), which are
/// almost always a unit or typing slip; they are deliberately wide so no real patient is refused.
/// </summary>
public static class PatientQuantities
{
    public const decimal MinHeightCm = 30, MaxHeightCm = 275;
    public const decimal MaxWeightKg = 500;
    public const decimal MaxAgeYears = 130;
    public const decimal MinBsa = 0.1m, MaxBsa = 4.5m;
    public const decimal MaxCrcl = 400;

    /// <summary>Height in cm; "170 cm" or "1.7 m"; a plain number (cm) only when <paramref name="plainAllowed"/>.</summary>
    public static bool TryHeight(string text, bool plainAllowed, out decimal cm, out string error)
    {
        cm = 0;
        if (!TryMeasure(text, "height", "170 cm", out decimal value, out string? unit, out error))
        {
            return false;
        }
        switch (unit?.ToLowerInvariant())
        {
            case "cm":
                cm = value;
                break;
            case "m":
                cm = value * 100;
                break;
            case null when plainAllowed:
                cm = value;
                break;
            case null:
                error = $"height needs a unit: write {text.Trim()} cm";
                return false;
            default:
                error = $"height is in cm (or m), not {unit}: e.g. 170 cm";
                return false;
        }
        return InRange("height", cm, MinHeightCm, MaxHeightCm, "cm", text, out error);
    }

    /// <summary>Weight in kg; "72 kg"; a plain number (kg) only when <paramref name="plainAllowed"/>.</summary>
    public static bool TryWeight(string text, bool plainAllowed, out decimal kg, out string error)
    {
        kg = 0;
        if (!TryMeasure(text, "weight", "72 kg", out decimal value, out string? unit, out error))
        {
            return false;
        }
        if (unit is null && !plainAllowed)
        {
            error = $"weight needs a unit: write {text.Trim()} kg";
            return false;
        }
        if (unit is not null && !string.Equals(unit, "kg", StringComparison.OrdinalIgnoreCase))
        {
            error = $"weight is in kg, not {unit}: e.g. 72 kg";
            return false;
        }
        kg = value;
        if (kg <= 0 || kg > MaxWeightKg)
        {
            error = $"a weight of {Show(kg)} kg is impossible (expected more than 0 and at most {MaxWeightKg} kg)";
            return false;
        }
        return true;
    }

    public static bool TryAge(string text, out decimal years, out string error)
    {
        years = 0;
        if (!TryMeasure(text, "age", "54", out decimal value, out string? unit, out error))
        {
            return false;
        }
        if (unit is not null && unit.ToLowerInvariant() is not ("years" or "year" or "y"))
        {
            error = $"age is in years, not {unit}: e.g. 54";
            return false;
        }
        years = value;
        return InRange("age", years, 0, MaxAgeYears, "years", text, out error);
    }

    public static bool TryBsa(string text, string what, out decimal m2, out string error)
    {
        m2 = 0;
        if (!TryMeasure(text, what, "1.8", out decimal value, out string? unit, out error))
        {
            return false;
        }
        if (unit is not null && !string.Equals(unit, "m2", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{what} is in m2, not {unit}: e.g. 1.8 or 1.8 m2";
            return false;
        }
        m2 = value;
        return InRange(what, m2, MinBsa, MaxBsa, "m2", text, out error);
    }

    public static bool TryCrcl(string text, out decimal mlPerMin, out string error)
    {
        mlPerMin = 0;
        if (!TryMeasure(text, "crcl", "90", out decimal value, out string? unit, out error))
        {
            return false;
        }
        if (unit is not null && !string.Equals(unit, "mL/min", StringComparison.OrdinalIgnoreCase))
        {
            error = $"crcl is in mL/min, not {unit}: e.g. 90";
            return false;
        }
        mlPerMin = value;
        if (value <= 0 || value > MaxCrcl)
        {
            error = $"a creatinine clearance of {Show(value)} mL/min is impossible (expected more than 0 and at most {MaxCrcl})";
            return false;
        }
        return true;
    }

    public static bool TrySex(string text, out string sex, out string error)
    {
        sex = text.Trim().ToLowerInvariant();
        error = "";
        if (sex is "female" or "male")
        {
            return true;
        }
        error = $"sex is female or male, not '{text.Trim()}'";
        return false;
    }

    public static bool TryDate(string text, out DateOnly date, out string error)
    {
        error = "";
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        error = $"'{text.Trim()}' is not a date in the form yyyy-mm-dd, e.g. 2026-01-05";
        return false;
    }

    public static bool TryTime(string text, out TimeOnly time, out string error)
    {
        error = "";
        if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }
        error = $"'{text.Trim()}' is not a clock time in the form HH:MM, e.g. 08:00";
        return false;
    }

    public static string Show(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool TryMeasure(string text, string what, string example, out decimal value, out string? unit, out string error)
    {
        if (QuantityText.TryParseMeasurement(text.Trim(), out value, out unit, out error))
        {
            return true;
        }
        error = $"{what}: '{text.Trim()}' is not a quantity such as {example}";
        return false;
    }

    private static bool InRange(string what, decimal value, decimal min, decimal max, string unit, string text, out string error)
    {
        if (value < min || value > max)
        {
            error = $"{what} '{text.Trim()}' is impossible (expected {Show(min)} to {Show(max)} {unit})";
            return false;
        }
        error = "";
        return true;
    }
}
