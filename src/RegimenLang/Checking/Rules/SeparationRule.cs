using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3018: a dose of a drug with a formulary <see cref="Separation"/> (a growth factor) too close to a systemic dose of a cytotoxic
/// drug, over the laid-out plan, so the next cycle's chemotherapy is compared too. Times are as precise as the file makes them:
/// when either dose has no clock time of its own, the two are compared by calendar day (filgrastim the day after the last
/// chemotherapy day is 24 hours after it; on that day it is not).
/// </summary>
public sealed class SeparationRule : ICheckRule
{
    private const long Day = Schedule.MinutesPerDay;

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.TooCloseToChemotherapy];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<(AdministrationLine, Separation)>();
        foreach (var scenario in context.Scenarios)
        {
            var byDrug = context.EventsOfEveryDrug(scenario);
            var chemotherapy = byDrug.Where(d => d.Drug.Cytotoxic)
                .SelectMany(d => d.Events)
                .Where(e => !e.Line.Routes.All(r => r.Route == Route.IT))
                .OrderBy(e => e.StartMinutes)
                .ToList();
            if (chemotherapy.Count == 0)
            {
                continue;
            }
            long longest = chemotherapy.Max(c => c.DurationMinutes ?? 0);
            var starts = chemotherapy.Select(c => c.StartMinutes).ToList();
            foreach (var (drug, events) in byDrug)
            {
                foreach (var separation in drug.Separations.Where(s => !s.Unconfirmed))
                {
                    long before = Minutes(separation.Before), after = Minutes(separation.After);
                    foreach (var dose in events)
                    {
                        if (reported.Contains((dose.Line, separation)))
                        {
                            continue;
                        }
                        // Only chemotherapy that starts near the dose can be too close: from the longest infusion plus the 'after'
                        // time before it to the 'before' time after it, a day wider each side for doses compared by day.
                        long from = dose.StartMinutes - longest - after - Day, to = dose.EndMinutes + before + Day;
                        int first = LowerBound(starts, from);
                        for (int i = first; i < chemotherapy.Count && chemotherapy[i].StartMinutes <= to; i++)
                        {
                            if (Finding(dose, chemotherapy[i], separation, before, after, scenario) is { } finding)
                            {
                                reported.Add((dose.Line, separation));
                                context.Report(finding.WithRelated(
                                    context.At(chemotherapy[i].Line, $"the {chemotherapy[i].Drug} dose"),
                                    RuleContext.At(separation.Location, $"{drug.Name}: {Describe(separation)} ({separation.Source})")));
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The finding for a dose too close to one chemotherapy dose, or null when they are far enough apart.</summary>
    private static Diagnostic? Finding(DoseEvent dose, DoseEvent chemo, Separation separation, long before, long after, Scenario scenario)
    {
        string where = Phrases.OnPlanDay(dose.PlanDay, dose.CycleDay, dose.Instance.CycleName) + scenario.When;
        var at = dose.Administration.DaysSpan;
        string neededAfter = separation.AfterText ?? Diagnose.Gap(after);
        string neededBefore = separation.BeforeText ?? Diagnose.Gap(before);
        if (!Untimed(dose) && !Untimed(chemo))
        {
            if (dose.StartMinutes >= chemo.StartMinutes)
            {
                long gap = dose.StartMinutes - chemo.EndMinutes;
                return separation.After is null || gap >= after ? null
                    : gap < 0 ? Diagnose.DuringChemotherapy(at, dose.Drug, where, chemo.Drug, neededAfter, separation.Source)
                    : Diagnose.TooSoonAfterChemotherapy(at, dose.Drug, where, Diagnose.Gap(gap), chemo.Drug, neededAfter, separation.Source);
            }
            long ahead = chemo.StartMinutes - dose.EndMinutes;
            return separation.Before is null || ahead >= before ? null
                : ahead < 0 ? Diagnose.DuringChemotherapy(at, dose.Drug, where, chemo.Drug, neededAfter, separation.Source)
                : Diagnose.TooSoonBeforeChemotherapy(at, dose.Drug, where, Diagnose.Gap(ahead), chemo.Drug, OnDay(chemo), neededBefore, separation.Source);
        }

        // Compared by calendar day: a dose stands for any time of its day.
        long doseFirst = DayOf(dose.StartMinutes), doseLast = LastDay(dose);
        long chemoFirst = DayOf(chemo.StartMinutes), chemoLast = LastDay(chemo);
        if (doseFirst >= chemoFirst)
        {
            if (separation.After is null)
            {
                return null;
            }
            if (doseFirst < chemoLast)
            {
                return Diagnose.DuringChemotherapy(at, dose.Drug, where, chemo.Drug, neededAfter, separation.Source);
            }
            if (doseFirst == chemoLast)
            {
                return Diagnose.SameDayAsChemotherapy(at, dose.Drug, where, chemo.Drug, neededAfter, separation.Source);
            }
            long days = doseFirst - chemoLast;
            return days * Day >= after ? null
                : Diagnose.TooSoonAfterChemotherapy(at, dose.Drug, where, Diagnose.Gap(days * Day), chemo.Drug, neededAfter, separation.Source);
        }
        if (separation.Before is null)
        {
            return null;
        }
        if (doseLast >= chemoFirst)
        {
            return Diagnose.SameDayAsChemotherapy(at, dose.Drug, where, chemo.Drug, neededAfter, separation.Source);
        }
        long daysAhead = chemoFirst - doseLast;
        return daysAhead * Day >= before ? null
            : Diagnose.TooSoonBeforeChemotherapy(at, dose.Drug, where, Diagnose.Gap(daysAhead * Day), chemo.Drug, OnDay(chemo), neededBefore, separation.Source);
    }

    private static string OnDay(DoseEvent e) => Phrases.OnPlanDay(e.PlanDay, e.CycleDay, e.Instance.CycleName);

    /// <summary>"not within 24 h before cytotoxic chemotherapy starts, not within 24 h after it ends".</summary>
    public static string Describe(Separation separation)
    {
        var parts = new List<string>();
        if (separation.Before is { } b)
        {
            parts.Add($"not within {separation.BeforeText ?? Diagnose.Gap((long)b.TotalMinutes)} before cytotoxic chemotherapy starts");
        }
        if (separation.After is { } a)
        {
            parts.Add($"not within {separation.AfterText ?? Diagnose.Gap((long)a.TotalMinutes)} after it ends");
        }
        return string.Join(", ", parts);
    }

    /// <summary>A dose whose clock time is the patient's default first-dose time, not one the file gives.</summary>
    private static bool Untimed(DoseEvent e) => e.DefaultTime && e.Anchor is null;

    private static long DayOf(long minutes) => (long)Math.Floor(minutes / (double)Day);

    /// <summary>The calendar day a dose ends on (an infusion ending at midnight ends the day before).</summary>
    private static long LastDay(DoseEvent e) => e.DurationMinutes is > 0 ? DayOf(e.EndMinutes - 1) : DayOf(e.StartMinutes);

    private static long Minutes(TimeSpan? span) => span is { } s ? (long)s.TotalMinutes : 0;

    private static int LowerBound(List<long> sorted, long value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            int mid = (low + high) / 2;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
