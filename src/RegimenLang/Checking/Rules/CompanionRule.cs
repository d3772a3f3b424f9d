using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3011 and RL3012: the formulary's required companions (<see cref="CompanionRules.Enforced"/>), over the laid-out plan. Each
/// start of the drug (the first dose after a break of more than a day: a continuous infusion or a daily oral course is one
/// start; with a minimum dose, the first dose of each day whose doses reach it) needs a dose of one of the companions whose start falls in the window. Times are as
/// precise as the file makes them: a dose without a clock time of its own stands for any time of its day, and two doses timed
/// from the same line keep their exact distance. No companion near the dose (within two days of the window) is RL3011; one
/// near but outside the window is RL3012.
/// </summary>
public sealed class CompanionRule : ICheckRule
{
    private const long Day = Schedule.MinutesPerDay;

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CompanionMissing, DiagnosticCatalog.CompanionOutsideWindow];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<(AdministrationLine, Companion)>();
        foreach (var scenario in context.Scenarios)
        {
            var byDrug = context.EventsOfEveryDrug(scenario);
            var eventsOf = byDrug.ToDictionary(d => d.Drug.Name, d => d.Events, StringComparer.OrdinalIgnoreCase);
            foreach (var (drug, events) in byDrug)
            {
                foreach (var companion in CompanionRules.Enforced(drug))
                {
                    var candidates = companion.AnyOf
                        .SelectMany(n => eventsOf.GetValueOrDefault(context.Formulary.Find(n)?.Name ?? n) ?? [])
                        .OrderBy(e => e.StartMinutes)
                        .ToList();
                    // A lead-in (vitamins a week before pemetrexed) is begun before the course: only its first start needs it.
                    var starts = CompanionRules.IsLeadIn(companion) ? Starts(events, companion).Take(1) : Starts(events, companion);
                    foreach (var start in starts)
                    {
                        if (!reported.Contains((start.Line, companion)))
                        {
                            Check(context, scenario, drug, companion, start, candidates, reported);
                        }
                    }
                }
            }
        }
    }

    private static void Check(RuleContext context, Scenario scenario, DrugEntry drug, Companion companion, DoseEvent start, List<DoseEvent> candidates,
        HashSet<(AdministrationLine, Companion)> reported)
    {
        var (earliest, latest) = CompanionRules.Window(companion);
        bool sameDay = companion.Timing == CompanionTiming.With;
        DoseEvent? nearest = null;
        long nearestDistance = long.MaxValue;
        // After the start, it is the first companion dose from the start on that must fall in the window (a rescue begun with the
        // drug has begun too early, whatever its later doses do); before it, any dose in the window will do.
        var considered = companion.Timing == CompanionTiming.AfterStart
            ? candidates.Where(c => Offset(start, c).High >= 0).Take(1)
            : candidates;
        foreach (var candidate in considered)
        {
            if (sameDay ? candidate.PlanDay == start.PlanDay : Within(start, candidate, earliest, latest))
            {
                return;
            }
            long offset = candidate.StartMinutes - start.StartMinutes;
            long distance = offset < earliest ? earliest - offset : offset - latest;
            if (distance < nearestDistance)
            {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        reported.Add((start.Line, companion));
        string names = Words.JoinOr([.. companion.AnyOf]);
        string where = Phrases.OnPlanDay(start.PlanDay, start.CycleDay, start.Instance.CycleName) + scenario.When;
        string window = Describe(companion);
        var related = RuleContext.At(companion.Location, $"{drug.Name}: {names} {window} ({companion.Source})");
        // Near: within two days of the window, or as far as a lead-in reaches (folic acid started on the day of pemetrexed
        // instead of a week before is a late start, not a missing one).
        long near = Math.Max(2 * Day, Minutes(companion.From) + Minutes(companion.To));
        if (nearest is not null && nearestDistance <= near)
        {
            context.Report(Diagnose.CompanionOutsideWindow(nearest.Administration.DaysSpan, nearest.Drug, Nearest(start, nearest), drug.Name, where,
                window, companion.Source).WithRelated(context.At(start.Line, $"the {drug.Name} dose"), related));
        }
        else if (!HighDoseMethotrexateRule.Covers(drug, companion))
        {
            context.Report(Diagnose.CompanionMissing(start.Administration.Dose.Span, drug.Name, where, names, window, companion.Reason, companion.Source)
                .WithRelated(related));
        }
    }

    /// <summary>The doses that need the companion: new starts on its route; with a minimum dose, the first dose of each day whose doses reach it.</summary>
    private static IEnumerable<DoseEvent> Starts(List<DoseEvent> events, Companion companion)
    {
        var onRoute = events.Where(e => DoseArithmetic.OnRoute(companion.Route, e.Line)).ToList();
        if (companion.MinDose is { } minDose)
        {
            var unit = minDose.Unit with { Rate = DoseRate.None };
            foreach (var day in onRoute.GroupBy(e => e.PlanDay))
            {
                decimal total = day.Sum(e => DoseArithmetic.PrescribedIn(e, unit) ?? 0);
                if (total >= minDose.Amount.Value)
                {
                    yield return day.First();
                }
            }
            yield break;
        }
        long runningUntil = long.MinValue / 2;
        foreach (var e in onRoute)
        {
            // A continuous infusion's daily entries, an infusion that carries on without a gap, and a daily (or more frequent)
            // course are one course: its first dose, and the first after a break of more than a day, need the companion.
            if (e.StartMinutes - runningUntil > Day)
            {
                yield return e;
            }
            runningUntil = Math.Max(runningUntil, e.EndMinutes);
        }
    }

    /// <summary>Whether some reading of the two doses' times puts the companion's start in the window.</summary>
    private static bool Within(DoseEvent start, DoseEvent candidate, long earliest, long latest)
    {
        var (low, high) = Offset(start, candidate);
        return high >= earliest && low <= latest;
    }

    /// <summary>
    /// The companion's start minus the drug's start, as a range. Times are read as the timeline shows them, with one allowance:
    /// a companion without a clock time of its own, listed on the same day as a drug without one, may be given any time earlier
    /// that day (a premedication written on the day of the infusion is given before it).
    /// </summary>
    private static (long Low, long High) Offset(DoseEvent start, DoseEvent candidate)
    {
        long offset = candidate.StartMinutes - start.StartMinutes;
        return Untimed(candidate) && Untimed(start) && candidate.PlanDay == start.PlanDay ? (offset - (Day - 1), offset) : (offset, offset);
    }

    /// <summary>A dose whose clock time is the patient's default first-dose time, not one the file gives.</summary>
    private static bool Untimed(DoseEvent e) => e.DefaultTime && e.Anchor is null;

    private static string Nearest(DoseEvent start, DoseEvent nearest)
    {
        var (low, high) = Offset(start, nearest);
        if (low == high)
        {
            return low == 0 ? $"starts with {start.Drug}"
                : $"starts {Diagnose.Gap(Math.Abs(low))} {(low < 0 ? "before" : "after")} {start.Drug}";
        }
        return $"on day {nearest.CycleDay} of cycle '{nearest.Instance.CycleName}'";
    }

    /// <summary>The window in words: "at least 1 hour before its start", "24 hours to 36 hours after its start", "on the same day".</summary>
    public static string Describe(Companion companion)
    {
        string from = companion.FromText ?? (companion.From is { } f ? Diagnose.Gap((long)f.TotalMinutes) : "");
        string to = companion.ToText ?? (companion.To is { } t ? Diagnose.Gap((long)t.TotalMinutes) : "");
        return companion.Timing switch
        {
            CompanionTiming.With => "on the same day",
            CompanionTiming.BeforeStart when from.Length > 0 && to.Length > 0 => $"{from} to {to} before its start",
            CompanionTiming.BeforeStart when from.Length > 0 => $"at least {from} before its start",
            CompanionTiming.BeforeStart when to.Length > 0 => $"within {to} before its start",
            CompanionTiming.BeforeStart => "before its start, the same day",
            _ when to.Length > 0 => $"{(from.Length > 0 ? from : "0 h")} to {to} after its start",
            _ => $"from {(from.Length > 0 ? from : "0 h")} after its start, within a day",
        };
    }

    private static long Minutes(TimeSpan? span) => span is { } s ? (long)s.TotalMinutes : 0;
}
