using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>
/// One administration as a reviewer compares it: where (cycle, day, date and time), what (drug, route, the dose as
/// written and the computed amount as printed). Line numbers are left out on purpose: moving a line in the file
/// changes nothing for the patient.
/// </summary>
/// <param name="Cycle">"induction 1 (plan cycle 1)".</param>
/// <param name="Amount">The computed dose as the timeline prints it ("6.45 mcg").</param>
/// <param name="Duration">"over 3 h", "24 h", or empty when given at once.</param>
public sealed record DigestAdministration(DateOnly Date, TimeOnly Time, string Cycle, int CycleDay, string Drug, string Route, string Prescribed,
    string Amount, string Duration = "")
{
    /// <summary>"vincristine IV".</summary>
    public string What => $"{Drug} {Route}";

    /// <summary>"induction 1 (plan cycle 1) day 4, 2026-01-08 08:00".</summary>
    public string Where => $"{Cycle} day {CycleDay}, {TimelineTreeBuilder.Date(Date)} {TimelineTreeBuilder.Time(Time)}";
}

/// <summary>A drug's total over one cycle (<paramref name="Cycle"/> as "induction 1 (plan cycle 1, blin)") or the whole plan (null).</summary>
/// <param name="Absolute">"451.5 mcg".</param>
/// <param name="Text">The whole total as the timeline prints it (prescribed units, prior exposure): what is compared.</param>
public sealed record DigestTotal(string? Cycle, string Drug, string Absolute, int Administrations, string Text);

/// <summary>A finding compared without its position (an edit above it moves it without changing it).</summary>
public sealed record DigestFinding(Severity Severity, string Code, string Message, int Line)
{
    public string Key => $"{Severity.ToName()} {Code}: {Message}";
}

/// <summary>
/// What of a timeline matters for a review, flattened so that two timelines (or a timeline and a golden table) can be
/// compared: administrations in clock order, totals per cycle and for the plan, and the findings when they are known
/// (null for a golden table, which does not record them).
/// </summary>
public sealed record TimelineDigest(
    string Patient,
    ImmutableArray<DigestAdministration> Administrations,
    ImmutableArray<DigestTotal> CycleTotals,
    ImmutableArray<DigestTotal> PlanTotals,
    ImmutableArray<DigestFinding>? Findings)
{
    public static TimelineDigest From(Timeline timeline, IEnumerable<Diagnostic>? findings)
    {
        var administrations = timeline.Entries.Select(e => new DigestAdministration(e.Date, e.Time, $"{e.Phase} {e.PhaseCycle} (plan cycle {e.Cycle})",
            e.CycleDay, e.Drug, TimelineText.Routes(e), TimelineText.Prescribed(e), $"{Units.Format(e.Amount)} {TimelineText.Unit(e)}", Duration(e)));
        var cycleTotals = timeline.CycleTotals.Select(t => Total(TimelineText.CycleLabel(timeline.Cycles[t.CycleIndex!.Value]), t));
        var planTotals = timeline.PlanTotals.Select(t => Total(null, t));
        ImmutableArray<DigestFinding>? digestFindings = findings is null ? null
            : [.. findings.Select(d => new DigestFinding(d.Severity, d.Code, d.Message, d.Span.Line))];
        return new TimelineDigest(TimelineText.Patient(timeline.Patient) + $"; start {TimelineTreeBuilder.Date(timeline.Patient.Start)}",
            [.. administrations], [.. cycleTotals], [.. planTotals], digestFindings);
    }

    private static DigestTotal Total(string? cycle, DrugTotal t) =>
        new(cycle, t.Label, TimelineText.Amount(t.Absolute), t.Administrations, TimelineText.Total(t));

    internal static string Duration(TimelineEntry e) => e.Infusion.Kind switch
    {
        InfusionKind.Continuous => TimelineText.Duration(e)!,
        InfusionKind.Over => "over " + TimelineText.Duration(e),
        _ => "",
    };
}
