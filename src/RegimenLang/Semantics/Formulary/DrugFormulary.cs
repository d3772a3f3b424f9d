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

public sealed record ForbiddenRoute(Route Route, string Reason, string Source, FormularyLocation Location);

public sealed record DoseLimit(LimitPer Per, AmountDose Max, Route? Route, string? Note, string Source, FormularyLocation Location);

public sealed record UsualDose(AmountDose Dose, Route? Route, string Source, FormularyLocation Location);

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
    FormularyLocation Location);

/// <summary>
/// The drugs the tool knows, looked up by name or alias ignoring case. Later files override earlier
/// entries of the same name, so a hospital's own file can replace a shipped entry.
/// </summary>
public sealed class DrugFormulary
{
    private readonly Dictionary<string, DrugEntry> _byName;

    public DrugFormulary(IEnumerable<DrugEntry> drugs)
    {
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

    /// <summary>Every name and alias, for "did you mean" suggestions.</summary>
    public IEnumerable<string> AllNames => _byName.Keys;
}
