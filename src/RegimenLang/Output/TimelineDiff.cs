using System.Collections.Immutable;

namespace RegimenLang.Output;

/// <summary>How one administration changed between two timelines.</summary>
public enum AdministrationChangeKind
{
    /// <summary>Only in the new timeline.</summary>
    Added,

    /// <summary>Only in the old timeline.</summary>
    Removed,

    /// <summary>The same drug, route and dose at another date or time.</summary>
    Moved,

    /// <summary>The same drug and route on the same date with another dose (or duration); the time may differ too.</summary>
    Redosed,
}

/// <summary>One change: <paramref name="Old"/> is null for an addition, <paramref name="New"/> for a removal.</summary>
public sealed record AdministrationChange(AdministrationChangeKind Kind, DigestAdministration? Old, DigestAdministration? New)
{
    /// <summary>Where the change is seen first, for ordering: the new place, else the old one.</summary>
    public DigestAdministration At => New ?? Old!;
}

/// <summary>A drug total that differs (<paramref name="Old"/> null: the drug is new in that cycle or plan; <paramref name="New"/> null: gone).</summary>
public sealed record TotalChange(string? Cycle, string Drug, DigestTotal? Old, DigestTotal? New);

/// <summary>
/// What changes for the patient between two expansions of a regimen: administrations added, removed, moved or
/// re-dosed (in clock order), drug totals per cycle and for the plan that differ, and findings that appear or
/// disappear (null when one side's findings are not known, as for a golden table).
/// </summary>
public sealed record TimelineDiff(
    string OldName,
    string NewName,
    string Patient,
    ImmutableArray<AdministrationChange> Administrations,
    ImmutableArray<TotalChange> CycleTotals,
    ImmutableArray<TotalChange> PlanTotals,
    ImmutableArray<DigestFinding>? FindingsAppeared,
    ImmutableArray<DigestFinding>? FindingsDisappeared,
    int OldCount,
    int NewCount)
{
    /// <summary>Nothing changes for the patient: the same administrations, totals and findings.</summary>
    public bool IsEmpty => Administrations.IsEmpty && CycleTotals.IsEmpty && PlanTotals.IsEmpty
        && (FindingsAppeared?.IsEmpty ?? true) && (FindingsDisappeared?.IsEmpty ?? true);

    public int Count(AdministrationChangeKind kind) => Administrations.Count(c => c.Kind == kind);
}
