using System.Collections.Immutable;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>How an administration runs: given at once, infused over a time, or continuously (a 24 h entry per day).</summary>
public enum InfusionKind
{
    None,
    Over,
    Continuous,
}

/// <summary>The infusion of an entry: its kind and, for <see cref="InfusionKind.Over"/>, the duration as written.</summary>
public sealed record EntryInfusion(InfusionKind Kind, DurationSyntax? Duration)
{
    public static readonly EntryInfusion None = new(InfusionKind.None, null);

    /// <summary>How long the entry runs, in minutes (a continuous infusion's entry: one day); null when it is given at once.</summary>
    public decimal? Minutes => Kind switch
    {
        InfusionKind.Over => Duration!.TotalMinutes,
        InfusionKind.Continuous => 24 * 60,
        _ => null,
    };
}

/// <summary>What changed the computed dose of an entry: rounding, a cap, or the Calvert GFR ceiling.</summary>
public abstract record DoseAdjustment;

/// <param name="From">The dose before rounding, in <paramref name="Unit"/> (per day for a rate dose).</param>
public sealed record Rounded(AmountDose Step, decimal From, MassUnit Unit, bool PerDay) : DoseAdjustment;

public sealed record Capped(AmountDose Limit, decimal From, MassUnit Unit, bool PerDay) : DoseAdjustment;

/// <summary>The GFR used by Calvert's formula was capped (the creatinine clearance given was above it).</summary>
public sealed record GfrCapped(decimal Crcl, decimal Cap) : DoseAdjustment;

/// <summary>One administration of the timeline (the JSON timeline contract of docs/timeline-json.md).</summary>
/// <param name="CycleIndex">0-based index of the cycle instance in <see cref="Timeline.Cycles"/>.</param>
/// <param name="Amount">The exact computed dose in <paramref name="Unit"/> (rounded only when printed).</param>
/// <param name="Prescribed">The dose as written, e.g. 150 mg/m2.</param>
/// <param name="PrescribedAmount">The prescribed quantity of this entry in <paramref name="PrescribedUnit"/> (rate doses per day), for totals in the prescribed unit; null for AUC doses.</param>
public sealed record TimelineEntry(
    DateTime When,
    int PlanDay,
    int CycleIndex,
    string Phase,
    int Cycle,
    int PhaseCycle,
    string CycleName,
    int CycleDay,
    string Drug,
    ImmutableArray<Route> Routes,
    DoseSyntax Prescribed,
    decimal Amount,
    MassUnit Unit,
    decimal? PrescribedAmount,
    string? PrescribedUnit,
    EntryInfusion Infusion,
    int? DoseNumber,
    int? DoseCount,
    ImmutableArray<DoseAdjustment> Adjustments,
    ImmutableArray<string> Notes,
    int Line)
{
    /// <summary>How long the administration runs, in minutes (an infusion over a time, a day of a continuous infusion); null when given at once.</summary>
    public long? DurationMinutes { get; init; }

    /// <summary>When the administration ends (its start when it is given at once).</summary>
    public DateTime End => When.AddMinutes(DurationMinutes ?? 0);

    /// <summary>The administration it was timed from (<c>30 min before rituximab</c>); null for one placed by its own days and clock.</summary>
    public EntryAnchor? Anchor { get; init; }

    /// <summary>How many administrations a <c>divided</c> per-day dose is split into; null when it is not divided.</summary>
    public int? DividedInto { get; init; }

    /// <summary>The 1-based step of a ramp; null for other lines.</summary>
    public int? RampStep { get; init; }

    /// <summary>For a dose given as needed (<c>prn</c>): the reason and the most doses a day; never counted in the totals.</summary>
    public EntryAsNeeded? AsNeeded { get; init; }

    /// <summary>For a line with a lab- or event-driven duration (<c>until anc >= 1.0 (expect 7 days, at most 14 days)</c>): its place in the course.</summary>
    public EntryUntil? Until { get; init; }

    /// <summary>For a line whose dose changes on an event (<c>until cmr then 15 mg</c>): the event, the dose after it, and which side this entry is on.</summary>
    public EntryDoseChange? DoseChange { get; init; }

    /// <summary>The dose level the drug was given at (its <see cref="Prescribed"/> dose is that level's); null when the regimen gives the drug no levels.</summary>
    public int? DoseLevel { get; init; }

    /// <summary>Given or planned, as of the record's date (<c>asOf</c>, <c>--as-of</c>); null without one.</summary>
    public EntryStatus? Status { get; init; }

    /// <summary>The amount is the one recorded as given (<c>given:</c> in the patient file), not the computed dose.</summary>
    public bool Recorded { get; init; }

    public DateOnly Date => DateOnly.FromDateTime(When);
    public TimeOnly Time => TimeOnly.FromDateTime(When);

    /// <summary>The first route written (the JSON contract's <c>route</c>).</summary>
    public Route Route => Routes[0];
}

/// <summary>Whether an administration lies before the record's date (given) or after it (planned).</summary>
public enum EntryStatus
{
    Given,
    Planned,
}

/// <summary>
/// An administration of a line that runs until a condition is met (<c>until anc >= 1.0 (expect 7 days, at most 14 days)</c>): the
/// condition as written, which day of the course this is (from 1), the expected course in days (null when only the longest is
/// given) and the longest, which the checker counts. The condition is a future fact: shown, never evaluated.
/// </summary>
public sealed record EntryUntil(string Condition, int Day, int? Expected, int AtMost)
{
    /// <summary>How the course is described in timelines: "until anc >= 1.0, day 2, expected 7 of at most 14 days".</summary>
    public string Describe() => Expected is { } e
        ? $"until {Condition}, day {Day}, expected {e} of at most {AtMost} days"
        : $"until {Condition}, day {Day} of at most {AtMost} days";
}

/// <summary>
/// An administration of a line whose dose changes on an event (<c>until cmr then 15 mg</c>): the event, the dose after it, the date the
/// patient file records for the event (null when it does not), and whether this entry is from that date on (given the second dose).
/// </summary>
public sealed record EntryDoseChange(string Event, string Then, DateOnly? EventDate, bool After)
{
    /// <summary>How the entry is marked in timelines: "until cmr, then 15 mg" before the event, "after cmr (2026-03-02)" from it on.</summary>
    public string Describe() => After
        ? $"after {Event} ({EventDate:yyyy-MM-dd})"
        : EventDate is { } date ? $"until {Event} ({date:yyyy-MM-dd}), then {Then}" : $"until {Event}, then {Then}";
}

/// <summary>An as-needed dose: why it is given and at most how many times a day (null when the line does not say, RL3040).</summary>
public sealed record EntryAsNeeded(string Reason, int? MaxPerDay);

/// <summary>
/// What an administration was timed from: the other line (its drug, its label and its line in the file), before or
/// after its start or end, and the offset as written.
/// </summary>
public sealed record EntryAnchor(string Drug, string? Label, int Line, TimingRelation Relation, AnchorEdge Edge, DurationSyntax? Offset);

/// <summary>One cycle instance of the expanded plan, or a <c>rest</c> gap (<see cref="IsRest"/>, no <see cref="Symbol"/>).</summary>
/// <param name="StartDay">0-based plan day of its first day.</param>
public sealed record CycleInstance(
    string Phase,
    int Cycle,
    int PhaseCycle,
    CycleSymbol? Symbol,
    int StartDay,
    int LengthDays)
{
    public bool IsRest => Symbol is null;
    public string CycleName => Symbol?.Name ?? "rest";

    /// <summary>The plan branches that chose this instance ("pet2 = negative"), joined with "and"; null outside a branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The open-ended repeat this instance belongs to; null for a fixed course.</summary>
    public OpenCourse? OpenEnded { get; init; }
    public string? CycleTitle => Symbol?.Syntax.Title?.Value;
}

/// <summary>
/// An instance's place in an open-ended repeat (<c>repeat until progression (expect 12 cycles, at most 2 years)</c>): the
/// event that ends it, which repeat this is (from 1), and the expected, shortest and longest courses in repeats (each null
/// when the plan does not give it; no longest: the course has no maximum).
/// </summary>
public sealed record OpenCourse(string Until, int Repeat, int? Expected, int? AtLeast, int? AtMost)
{
    /// <summary>How the course is described in timelines: "until progression, expected 12 of at most 26", "until progression, at least 65, no maximum".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Expected is { } e)
        {
            parts.Add($"expected {e}");
        }
        if (AtLeast is { } l)
        {
            parts.Add($"at least {l}");
        }
        string known = string.Join(", ", parts);
        string most = AtMost is { } m ? (known.Length > 0 ? $"{known} of at most {m}" : $"at most {m}") : $"{known}, no maximum";
        return $"until {Until}, {most}";
    }
}

/// <summary>An amount in a unit (for totals).</summary>
public sealed record Quantity(decimal Amount, string Unit);

/// <summary>
/// A drug's total over a cycle or the whole plan: the absolute amount (in the smallest unit the drug's
/// entries use, so g and mg add up exactly) and the same in each prescribed unit (e.g. 0.9 mg/m2).
/// </summary>
/// <param name="CycleIndex">The cycle instance, or null for the whole plan.</param>
/// <param name="Prior">Exposure before the plan (plan totals only), as written in the patient file.</param>
/// <param name="PriorAbsolute">The prior exposure in absolute units, when it can be computed.</param>
public sealed record DrugTotal(
    int? CycleIndex,
    string Drug,
    Quantity Absolute,
    ImmutableArray<Quantity> Prescribed,
    Quantity? Prior,
    Quantity? PriorAbsolute,
    int Administrations)
{
    /// <summary>Intrathecal doses, totalled apart: local exposure, never added to the systemic total of the same drug.</summary>
    public bool Intrathecal { get; init; }

    /// <summary>The drug as totals show it: "methotrexate IT" for the intrathecal total.</summary>
    public string Label => Intrathecal ? Drug + " IT" : Drug;

    /// <summary>The plan's absolute total plus the prior exposure, when the prior could be made absolute.</summary>
    public Quantity? CumulativeAbsolute => PriorAbsolute is { } prior ? new Quantity(Absolute.Amount + prior.Amount, Absolute.Unit) : null;

    /// <summary>
    /// The total in the prior's prescribed unit plus the prior (e.g. 100 + 150 mg/m2): when the plan gives the drug
    /// in that unit, or does not give it at all. A prior of 300 mg beside a plan in mg/m2 has no such sum (the
    /// absolute one, <see cref="CumulativeAbsolute"/>, still adds them up).
    /// </summary>
    public Quantity? CumulativePrescribed =>
        Prior is not { } prior ? null
        : Administrations == 0 ? prior
        : Prescribed.Where(q => q.Unit == prior.Unit).ToList() is { Count: > 0 } same ? new Quantity(prior.Amount + same.Sum(q => q.Amount), prior.Unit)
        : null;
}

/// <summary>The expanded regimen for one patient: cycles in order, entries in clock order, totals.</summary>
public sealed record Timeline(
    string Title,
    string Id,
    string File,
    Patient Patient,
    ImmutableArray<CycleInstance> Cycles,
    ImmutableArray<TimelineEntry> Entries,
    ImmutableArray<DrugTotal> CycleTotals,
    ImmutableArray<DrugTotal> PlanTotals)
{
    /// <summary>
    /// The checker's errors and warnings for this patient when the timeline was printed in spite of errors
    /// (<c>expand --allow-errors</c>); every format shows them first. Empty otherwise.
    /// </summary>
    public ImmutableArray<RegimenLang.Diagnostics.Diagnostic> Findings { get; init; } = [];

    /// <summary>Each drug that has dose levels, with the level the patient is at (an omitted drug has no entries); empty when the regimen has none.</summary>
    public ImmutableArray<AppliedDoseLevel> DoseLevels { get; init; } = [];

    /// <summary>The non-drug orders (labs, drug levels, procedures), in clock order; never counted in <see cref="Entries"/> or the totals.</summary>
    public ImmutableArray<TimelineOrder> Orders { get; init; } = [];

    /// <summary>Each drug class the plan gives a member of (anthracyclines), totalled in equivalents of its reference drug; empty when none.</summary>
    public ImmutableArray<ClassTotal> ClassTotals { get; init; } = [];
}
