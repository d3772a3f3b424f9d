using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>How the body surface area used for dosing was obtained.</summary>
public enum BsaSource
{
    Given,
    Mosteller,
    DuBois,
}

/// <summary>The BSA used for dosing, with where it came from and the cap that was applied, if any.</summary>
/// <param name="Value">m2, rounded to 2 decimals (after the cap).</param>
/// <param name="Uncapped">The value before <c>--bsa-cap</c>, when the cap lowered it.</param>
public sealed record BodySurface(decimal Value, BsaSource Source, decimal? Uncapped)
{
    public string SourceName => Source switch
    {
        BsaSource.Mosteller => "mosteller",
        BsaSource.DuBois => "dubois",
        _ => "given",
    };
}

/// <summary>A declared <c>input</c> as given for this patient: a flag or a number (percent inputs keep the number, 35 for 35%).</summary>
public sealed record PatientInput(string Name, bool? Flag, decimal? Number, string Text);

/// <summary>Exposure before this plan (<c>prior:</c> in the patient file), as written, e.g. doxorubicin 150 mg/m2.</summary>
public sealed record PriorExposure(string Drug, AmountDose Dose);

/// <summary>
/// Everything the evaluator knows about the patient. Facts not given stay null: the evaluator
/// reports a missing fact when a line needs it, and never assumes a value.
/// </summary>
public sealed record Patient(
    decimal? HeightCm,
    decimal? WeightKg,
    decimal? AgeYears,
    string? Sex,
    decimal? CrclMlPerMin,
    BodySurface? Bsa,
    ImmutableDictionary<string, PatientInput> Inputs,
    ImmutableArray<PriorExposure> Prior,
    DateOnly Start,
    TimeOnly FirstDoseTime)
{
    /// <summary>The first-dose clock time when none is given.</summary>
    public static readonly TimeOnly DefaultFirstDoseTime = new(8, 0);
}
