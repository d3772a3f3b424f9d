using System.Collections.Immutable;

namespace RegimenLang.Evaluation;

/// <summary>
/// One drug's share of a class total over the plan (systemic doses only): what the plan gives of it, in the class's unit
/// (<see cref="Prescribed"/>, e.g. mg/m2) and absolute, and the factor that turns one unit of it into the reference drug.
/// </summary>
/// <param name="Counted">The factor is confirmed by a source: the drug is in the total. An unconfirmed factor is listed, never counted.</param>
/// <param name="Prescribed">The plan's amount in the class's unit; null when a dose of it is in another basis (flat, per kg, AUC).</param>
public sealed record ClassContribution(string Drug, decimal Factor, bool Counted, Quantity? Prescribed, Quantity? Absolute, int Administrations)
{
    /// <summary>The prescribed amount in reference-drug equivalents (amount times factor), for a counted drug.</summary>
    public Quantity? Equivalent => Counted && Prescribed is { } p ? new Quantity(p.Amount * Factor, p.Unit) : null;

    public Quantity? EquivalentAbsolute => Counted && Absolute is { } a ? new Quantity(a.Amount * Factor, a.Unit) : null;
}

/// <summary>A class's lifetime limit in reference-drug equivalents, as the formulary gives it with a source.</summary>
public sealed record ClassLimitValue(Quantity Max, string Source);

/// <summary>
/// The plan's total of a drug class in equivalents of its reference drug (anthracyclines as doxorubicin-equivalents):
/// per-drug contributions, prior exposure to members from the patient file, and the class's confirmed lifetime limit.
/// </summary>
/// <param name="Total">The plan's equivalents in the class's unit (mg/m2); null when a counted dose is in another basis.</param>
/// <param name="TotalAbsolute">The plan's equivalents in the class's mass unit (mg) for this patient; null when one cannot be made absolute.</param>
/// <param name="Prior">Prior exposure to counted members in equivalents, in the class's unit; null when none was given or it is in another basis.</param>
/// <param name="PriorAbsolute">The same made absolute with today's BSA or weight (an estimate); null when none was given or it cannot be.</param>
/// <param name="PriorDrugs">The members the prior exposure names (counted ones only).</param>
/// <param name="Limit">The confirmed lifetime limit that always applies; null when the formulary has none.</param>
public sealed record ClassTotal(
    string Class,
    string Reference,
    Quantity? Total,
    Quantity? TotalAbsolute,
    ImmutableArray<ClassContribution> Contributions,
    Quantity? Prior,
    Quantity? PriorAbsolute,
    ImmutableArray<string> PriorDrugs,
    ClassLimitValue? Limit)
{
    /// <summary>The plan's total plus the prior exposure, in the class's unit; null without prior exposure or when either is unknown.</summary>
    public Quantity? Cumulative => PriorDrugs.IsEmpty || Total is not { } t || Prior is not { } p ? null : new Quantity(t.Amount + p.Amount, t.Unit);

    public Quantity? CumulativeAbsolute =>
        PriorDrugs.IsEmpty || TotalAbsolute is not { } t || PriorAbsolute is not { } p ? null : new Quantity(t.Amount + p.Amount, t.Unit);

    /// <summary>"doxorubicin-equivalents": the reference drug the amounts are counted in.</summary>
    public string EquivalentName => Reference + "-equivalents";
}
