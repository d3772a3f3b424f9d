using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Formulary;

/// <summary>Where a formulary entry was written, for related locations in diagnostics and SARIF.</summary>
public sealed record FormularyLocation(string File, int Line, int Column);

public enum LimitPer
{
    Administration,
    Day,
    Cycle,
    Lifetime,
}

/// <summary>What a dose is measured against: flat, per m2, per kg, or a Calvert AUC target.</summary>
public enum FormularyBasis
{
    Flat,
    PerSquareMetre,
    PerKilogram,
    Auc,
}

/// <summary>Whether a companion is given before the start of the drug, after it, or with it.</summary>
public enum CompanionTiming
{
    BeforeStart,
    AfterStart,
    With,
}

public sealed record ForbiddenRoute(Route Route, string Reason, string Source, FormularyLocation Location)
{
    /// <summary>True when no source text seen during the research confirmed it.</summary>
    public bool Unconfirmed { get; init; }
}

/// <summary>
/// A maximum. <see cref="When"/> is null for a limit that always applies; otherwise it is the (free-text) condition under
/// which this stricter limit applies, which no rule can evaluate yet.
/// </summary>
public sealed record DoseLimit(LimitPer Per, AmountDose Max, Route? Route, string? Note, string Source, FormularyLocation Location)
{
    public string? When { get; init; }

    /// <summary>True when no source text seen during the research confirmed the number: never present it as checked.</summary>
    public bool Unconfirmed { get; init; }
}

/// <summary>The legacy view of a usual dose: an amount (AUC targets are only in <see cref="DrugEntry.UsualDoses"/>).</summary>
public sealed record UsualDose(AmountDose Dose, Route? Route, string Source, FormularyLocation Location);

/// <summary>
/// A usual dose as the formulary writes it: the dose (an amount or an AUC target), an optional usual range, the route,
/// the context it applies in, and where it comes from.
/// </summary>
public sealed record UsualDoseRange(
    DoseSyntax Dose,
    DoseSyntax? Low,
    DoseSyntax? High,
    Route? Route,
    string? Context,
    string Source,
    bool Unconfirmed,
    FormularyLocation Location)
{
    public FormularyBasis Basis => BasisOf(Dose);

    public static FormularyBasis BasisOf(DoseSyntax dose) => dose switch
    {
        AmountDose { Unit.Basis: DoseBasis.PerSquareMetre } => FormularyBasis.PerSquareMetre,
        AmountDose { Unit.Basis: DoseBasis.PerKilogram } => FormularyBasis.PerKilogram,
        AmountDose => FormularyBasis.Flat,
        _ => FormularyBasis.Auc,
    };
}

/// <summary>The fewest days from the start of one administration to the next (on <see cref="Route"/>, of doses of at least <see cref="MinDose"/>).</summary>
public sealed record DoseInterval(int MinDays, Route? Route, AmountDose? MinDose, string? Reason, string Source, bool Unconfirmed, FormularyLocation Location);

/// <summary>
/// A drug that must (or, when <see cref="Optional"/>, may) accompany this one: any of <see cref="AnyOf"/>, given
/// <see cref="Timing"/> the start of this drug, between <see cref="From"/> and <see cref="To"/> from it.
/// </summary>
public sealed record Companion(
    ImmutableArray<string> AnyOf,
    CompanionTiming Timing,
    TimeSpan? From,
    TimeSpan? To,
    Route? Route,
    AmountDose? MinDose,
    string? CompanionDose,
    bool Optional,
    string Reason,
    string Source,
    bool Unconfirmed,
    FormularyLocation Location)
{
    /// <summary>From and to as written in the file (e.g. "30 min"), for display.</summary>
    public string? FromText { get; init; }

    public string? ToText { get; init; }
}

/// <summary>What a <see cref="Separation"/> keeps this drug away from.</summary>
public enum SeparationTarget
{
    /// <summary>Every drug marked <c>cytotoxic</c> in the formulary, given by a systemic route.</summary>
    Cytotoxic,
}

/// <summary>
/// A time this drug must keep from other drugs: none of its doses may start within <see cref="Before"/> before one of them starts,
/// nor within <see cref="After"/> after one ends (a growth factor and cytotoxic chemotherapy).
/// </summary>
public sealed record Separation(SeparationTarget From, TimeSpan? Before, TimeSpan? After, string Reason, string Source, bool Unconfirmed, FormularyLocation Location)
{
    /// <summary>Before and after as written in the file (e.g. "14 days"), for display.</summary>
    public string? BeforeText { get; init; }

    public string? AfterText { get; init; }
}

/// <summary>This drug counts towards <see cref="Class"/>'s limits: 1 unit of it is <see cref="Factor"/> units of the class's reference drug.</summary>
public sealed record ClassEquivalent(string Class, decimal Factor, string Source, bool Unconfirmed, FormularyLocation Location);

/// <summary>Drugs that, given with this one, require a dose change (kept as data; no rule reads it yet).</summary>
public sealed record Interaction(ImmutableArray<string> AnyOf, string? Effect, string? Note, string Source, FormularyLocation Location);

/// <summary>A class of drugs with a shared limit counted in equivalents of a reference drug (e.g. anthracyclines in doxorubicin mg/m2).</summary>
public sealed record DrugClass(string Name, string Reference, string? Members, ImmutableArray<DoseLimit> Limits, FormularyLocation Location);

/// <summary>What the tool knows of one drug. A drug with no limits is still known (its name is valid).</summary>
public sealed record DrugEntry(
    string Name,
    ImmutableArray<string> Aliases,
    string Class,
    ImmutableArray<Route> Routes,
    string Source,
    string? Notes,
    ImmutableArray<ForbiddenRoute> ForbiddenRoutes,
    ImmutableArray<DoseLimit> Limits,
    ImmutableArray<UsualDose> Usual,
    int? MinIntervalDays,
    string? MinIntervalSource,
    int? TreatmentFreeDays,
    string? TreatmentFreeSource,
    FormularyLocation Location)
{
    // The positional members above are the original view the checker rules read, with their original meaning:
    // Limits are the limits that always apply (no 'when') and that a source confirmed; Usual the confirmed amount
    // doses; MinIntervalDays the confirmed interval that applies to every route and dose. The properties below
    // hold everything the file says, unconfirmed and conditional values included.

    /// <summary>Every usual dose in file order, AUC targets and unconfirmed ones included.</summary>
    public ImmutableArray<UsualDoseRange> UsualDoses { get; init; } = [];

    /// <summary>Every limit in file order, conditional (<see cref="DoseLimit.When"/>) and unconfirmed ones included.</summary>
    public ImmutableArray<DoseLimit> AllLimits { get; init; } = [];

    public ImmutableArray<DoseInterval> Intervals { get; init; } = [];

    public ImmutableArray<Companion> Companions { get; init; } = [];

    public ImmutableArray<ClassEquivalent> ClassEquivalents { get; init; } = [];

    public ImmutableArray<Interaction> Interactions { get; init; } = [];

    /// <summary>The most cycles of the labelled course.</summary>
    public int? MaxCycles { get; init; }

    public string? MaxCyclesSource { get; init; }

    /// <summary>Cytotoxic chemotherapy, the drugs a growth factor's <see cref="Separations"/> keep away from.</summary>
    public bool Cytotoxic { get; init; }

    public ImmutableArray<Separation> Separations { get; init; } = [];

    /// <summary>How many sourced values the entry holds (usual doses with their low and high, limits, intervals, factors, cycle and treatment-free counts, companion timings, separations).</summary>
    public int NumberCount =>
        UsualDoses.Sum(u => 1 + (u.Low is null ? 0 : 1) + (u.High is null ? 0 : 1)) + AllLimits.Length + Intervals.Length + ClassEquivalents.Length
        + (MaxCycles is null ? 0 : 1) + (TreatmentFreeDays is null ? 0 : 1)
        + Companions.Sum(c => (c.From is null ? 0 : 1) + (c.To is null ? 0 : 1) + (c.MinDose is null ? 0 : 1))
        + Separations.Sum(s => (s.Before is null ? 0 : 1) + (s.After is null ? 0 : 1))
        + (MinIntervalDays is not null && Intervals.IsEmpty ? 1 : 0);
}

/// <summary>
/// The drugs the tool knows, looked up by name or alias ignoring case. Later files override earlier
/// entries of the same name, so a hospital's own file can replace a shipped entry.
/// </summary>
public sealed class DrugFormulary
{
    private readonly Dictionary<string, DrugEntry> _byName;

    public DrugFormulary(IEnumerable<DrugEntry> drugs)
        : this(drugs, [])
    {
    }

    /// <summary>Drugs and classes; a later class of the same name replaces an earlier one, as drugs do.</summary>
    public DrugFormulary(IEnumerable<DrugEntry> drugs, IEnumerable<DrugClass> classes)
    {
        var classByName = new Dictionary<string, DrugClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var drugClass in classes)
        {
            classByName[drugClass.Name] = drugClass;
        }
        Classes = [.. classByName.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

        var ordered = new Dictionary<string, DrugEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in drugs)
        {
            ordered[drug.Name] = drug;
        }
        Drugs = [.. ordered.Values.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)];
        _byName = new Dictionary<string, DrugEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in Drugs)
        {
            foreach (var alias in drug.Aliases)
            {
                _byName[alias] = drug;
            }
        }
        // Names win over aliases: an override's name must never be shadowed by another entry's alias.
        foreach (var drug in Drugs)
        {
            _byName[drug.Name] = drug;
        }
    }

    public ImmutableArray<DrugEntry> Drugs { get; }

    public DrugEntry? Find(string nameOrAlias) => _byName.GetValueOrDefault(nameOrAlias);

    /// <summary>Classes with a shared limit (e.g. anthracycline), by name.</summary>
    public ImmutableArray<DrugClass> Classes { get; }

    public DrugClass? FindClass(string name) => Classes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every name and alias, for "did you mean" suggestions.</summary>
    public IEnumerable<string> AllNames => _byName.Keys;
}
