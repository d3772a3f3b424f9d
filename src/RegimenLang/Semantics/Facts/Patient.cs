using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Facts;

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
        BsaSource.Given => "given",
        _ => throw new ArgumentOutOfRangeException(nameof(Source)),
    };
}

/// <summary>A declared <c>input</c> as given for this patient, with the text it was written as.</summary>
public sealed record PatientInput(string Name, FactValue Value, string Text);

/// <summary>Exposure before this plan (<c>prior:</c> in the patient file), as written, e.g. doxorubicin 150 mg/m2.</summary>
public sealed record PriorExposure(string Drug, AmountDose Dose);

/// <summary>
/// Everything the evaluator knows about the patient. Facts not given stay null: the evaluator
/// reports a missing fact when a line needs it, and never assumes a value. The built-in facts are read
/// and written through <see cref="BuiltInFacts"/>, the one table of them.
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
    /// <summary>
    /// The patient's dose level per drug (canonical drug name, ignoring case), checked against the regimen's <c>levels</c>
    /// lines; a drug not named here is at level 0, its full dose.
    /// </summary>
    public ImmutableDictionary<string, int> DoseLevels { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The treatment as given so far (delays, changes, recorded doses); empty for a plan not yet begun.</summary>
    public TreatmentRecord AsGiven { get; init; } = TreatmentRecord.None;

    /// <summary>
    /// When the events that change a line's dose happened (<c>events:</c> in the patient file, for <c>until cmr then 15 mg</c>), by event
    /// name ignoring case; an event not named here has not happened (yet).
    /// </summary>
    public ImmutableDictionary<string, DateOnly> Events { get; init; } = ImmutableDictionary.Create<string, DateOnly>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The patient's dose level of a drug (0 when none is given).</summary>
    public int DoseLevelOf(string drug) => DoseLevels.GetValueOrDefault(drug);

    /// <summary>The patient file's <c>id</c> (a record or study number): keeps two patients' calendar events apart; never printed.</summary>
    public string? Id { get; init; }

    /// <summary>The patient file's <c>label</c> (a bed, initials, a pseudonym): names the patient in calendar events.</summary>
    public string? Label { get; init; }

    /// <summary>The first-dose clock time when none is given.</summary>
    public static readonly TimeOnly DefaultFirstDoseTime = new(8, 0);

    /// <summary>A patient of whom nothing is known (the checker's symbolic scenarios start from it).</summary>
    public static Patient Unknown(DateOnly start) => new(null, null, null, null, null, null,
        ImmutableDictionary.Create<string, PatientInput>(StringComparer.OrdinalIgnoreCase), [], start, DefaultFirstDoseTime);
}
