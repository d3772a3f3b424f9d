using System.Collections.Immutable;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Semantics.Facts;

/// <summary>The outcome of reading one fact's value: the value or the problem (in the catalogue's words).</summary>
public readonly record struct FactReading(FactValue? Value, PatientValueProblem? Problem);

/// <summary>
/// A built-in patient fact: its name, kind and unit, how conditions may compare it, how it is written in a
/// patient file and on the command line, and how it is read from and set on a patient. One row per fact in
/// <see cref="BuiltInFacts.All"/>: the binder, the evaluator, the checker's scenarios, the patient-file
/// loader and the command-line flags all use this table, so a fact is added in one place.
/// </summary>
/// <param name="AcceptedUnits">The units a comparison may use ("" for a plain number).</param>
/// <param name="Words">The words a word fact takes (sex: female, male).</param>
/// <param name="FlagHint">How to supply it, for messages ("--bsa (or --height and --weight)").</param>
public sealed record BuiltInFact(
    string Name,
    FactKind Kind,
    string? Unit,
    ImmutableArray<string> AcceptedUnits,
    ImmutableArray<string> Words,
    string FlagName,
    string FlagHelp,
    string FlagHint,
    string ConditionExample,
    Func<string, bool, FactReading> Parse,
    Func<Patient, FactValue?> Read,
    Func<Patient, FactValue, Patient> With);

public static class BuiltInFacts
{
    public const decimal MinHeightCm = 30, MaxHeightCm = 275;
    public const decimal MaxWeightKg = 500;
    public const decimal MaxAgeYears = 130;
    public const decimal MinBsa = 0.1m, MaxBsa = 4.5m;
    public const decimal MaxCrcl = 400;

    public static readonly BuiltInFact Age = new("age", FactKind.Number, "years", ["", "years", "year", "y"], [],
        "--age", "Age in years.", "--age", "age >= 60", ParseAge, p => Number(p.AgeYears), (p, v) => p with { AgeYears = v.Number });

    public static readonly BuiltInFact Weight = new("weight", FactKind.Number, "kg", ["kg"], [],
        "--weight", "Weight in kg (e.g. 72 or '72 kg').", "--weight", "weight < 45 kg", ParseWeight, p => Number(p.WeightKg), (p, v) => p with { WeightKg = v.Number });

    public static readonly BuiltInFact Height = new("height", FactKind.Number, "cm", ["cm"], [],
        "--height", "Height in cm (e.g. 170 or '170 cm').", "--height", "height < 150 cm", ParseHeight, p => Number(p.HeightCm), (p, v) => p with { HeightCm = v.Number });

    public static readonly BuiltInFact Bsa = new("bsa", FactKind.Number, "m2", ["", "m2"], [],
        "--bsa", "Body surface area in m2 (instead of height and weight).", "--bsa (or --height and --weight)", "bsa < 1.5 m2",
        (text, _) => ParseBsa(text, "bsa"), p => Number(p.Bsa?.Value),
        (p, v) => p with { Bsa = v.Number is { } m2 ? new BodySurface(m2, BsaSource.Given, null) : null });

    public static readonly BuiltInFact Sex = new("sex", FactKind.Word, null, [], ["female", "male"],
        "--sex", "female or male.", "--sex", "sex = female", ParseSex, p => p.Sex is { } s ? FactValue.Of(s) : null, (p, v) => p with { Sex = v.Word });

    public static readonly BuiltInFact Crcl = new("crcl", FactKind.Number, "mL/min", ["", "mL/min"], [],
        "--crcl", "Creatinine clearance in mL/min (AUC dosing).", "--crcl", "crcl < 60", ParseCrcl, p => Number(p.CrclMlPerMin), (p, v) => p with { CrclMlPerMin = v.Number });

    /// <summary>Every built-in fact, in the order the docs and <c>--help</c> list them.</summary>
    public static readonly ImmutableArray<BuiltInFact> All = [Age, Weight, Height, Bsa, Sex, Crcl];

    public static BuiltInFact? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Names => [.. All.Select(f => f.Name)];

    private static FactValue? Number(decimal? value) => value is { } v ? FactValue.Of(v) : null;

    private static FactReading Ok(decimal value) => new(FactValue.Of(value), null);

    private static FactReading Fail(PatientValueProblem problem) => new(null, problem);

    private static string Show(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A number with an optional unit, or the problem ("height: '1 meter' is not a quantity such as 170 cm").</summary>
    private static bool TryMeasure(string text, string fact, string example, out decimal value, out string? unit, out FactReading failure)
    {
        failure = default;
        if (QuantityText.TryParseMeasurement(text.Trim(), out value, out unit, out _))
        {
            return true;
        }
        failure = Fail(PatientProblems.NotAQuantity(fact, text.Trim(), example));
        return false;
    }

    private static FactReading InRange(string fact, decimal value, decimal min, decimal max, string unit, string text) =>
        value < min || value > max ? Fail(PatientProblems.Impossible(fact, text.Trim(), $"{Show(min)} to {Show(max)} {unit}")) : Ok(value);

    /// <summary>Height in cm; "170 cm" or "1.7 m"; a plain number (cm) only from a flag.</summary>
    private static FactReading ParseHeight(string text, bool plainAllowed)
    {
        if (!TryMeasure(text, "height", "170 cm", out decimal value, out string? unit, out var failure))
        {
            return failure;
        }
        decimal cm;
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
                return Fail(PatientProblems.NeedsUnit("height", $"{text.Trim()} cm"));
            default:
                return Fail(PatientProblems.OtherUnit("height", "cm (or m)", unit, "170 cm"));
        }
        return InRange("height", cm, MinHeightCm, MaxHeightCm, "cm", text);
    }

    /// <summary>Weight in kg; "72 kg"; a plain number (kg) only from a flag.</summary>
    private static FactReading ParseWeight(string text, bool plainAllowed)
    {
        if (!TryMeasure(text, "weight", "72 kg", out decimal value, out string? unit, out var failure))
        {
            return failure;
        }
        if (unit is null && !plainAllowed)
        {
            return Fail(PatientProblems.NeedsUnit("weight", $"{text.Trim()} kg"));
        }
        if (unit is not null && !string.Equals(unit, "kg", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(PatientProblems.OtherUnit("weight", "kg", unit, "72 kg"));
        }
        return value <= 0 || value > MaxWeightKg
            ? Fail(PatientProblems.Impossible("weight", text.Trim(), $"more than 0 and at most {Show(MaxWeightKg)} kg"))
            : Ok(value);
    }

    private static FactReading ParseAge(string text, bool plainAllowed)
    {
        if (!TryMeasure(text, "age", "54", out decimal value, out string? unit, out var failure))
        {
            return failure;
        }
        if (unit is not null && unit.ToLowerInvariant() is not ("years" or "year" or "y"))
        {
            return Fail(PatientProblems.OtherUnit("age", "years", unit, "54"));
        }
        return InRange("age", value, 0, MaxAgeYears, "years", text);
    }

    /// <summary>A BSA in m2 (the value of <c>bsa</c> and of <c>--bsa-cap</c>).</summary>
    public static FactReading ParseBsa(string text, string what)
    {
        if (!TryMeasure(text, what, "1.8", out decimal value, out string? unit, out var failure))
        {
            return failure;
        }
        if (unit is not null && !string.Equals(unit, "m2", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(PatientProblems.OtherUnit(what, "m2", unit, "1.8 or 1.8 m2"));
        }
        return InRange(what, value, MinBsa, MaxBsa, "m2", text);
    }

    private static FactReading ParseCrcl(string text, bool plainAllowed)
    {
        if (!TryMeasure(text, "crcl", "90", out decimal value, out string? unit, out var failure))
        {
            return failure;
        }
        if (unit is not null && !string.Equals(unit, "mL/min", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(PatientProblems.OtherUnit("crcl", "mL/min", unit, "90"));
        }
        return value <= 0 || value > MaxCrcl
            ? Fail(PatientProblems.Impossible("crcl", text.Trim(), $"more than 0 and at most {Show(MaxCrcl)} mL/min"))
            : Ok(value);
    }

    private static FactReading ParseSex(string text, bool plainAllowed)
    {
        string sex = text.Trim().ToLowerInvariant();
        return sex is "female" or "male"
            ? new FactReading(FactValue.Of(sex), null)
            : Fail(PatientProblems.NotOneOf("sex", ["female", "male"], text.Trim()));
    }
}
