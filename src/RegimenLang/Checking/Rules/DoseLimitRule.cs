using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// The sum rules share one procedure and differ in what they add up: one treatment day, one cycle
/// instance, or the whole plan (plus prior exposure). Doses are added in time order and a finding is
/// placed on the line whose dose crosses the maximum. Without a patient, doses are compared with limits
/// in the same unit (mg/m2 with mg/m2); with a patient, computed absolute doses are compared as well.
/// Each limit is reported once.
/// </summary>
public abstract class DoseSumRule(LimitPer per) : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.Over(EffectiveLimit.Scope(per))];

    public RuleScope Scope => RuleScope.Plan;

    /// <summary>The key that groups the events whose doses add up (a plan day, a cycle instance, the plan).</summary>
    protected abstract object GroupKey(DoseEvent e);

    /// <summary>Where the total stands, for the message (e.g. "on plan day 8 (day 8 of cycle 'A')").</summary>
    protected abstract string Where(DoseEvent e);

    /// <summary>The doses as this rule adds them up, grouped by <see cref="GroupKey"/> in order (by default the events as they are).</summary>
    protected virtual IEnumerable<DoseEvent> Portions(List<DoseEvent> events) => events;

    /// <summary>The doses as this rule adds them up in a scenario (by default <see cref="Portions(List{DoseEvent})"/>).</summary>
    protected virtual IEnumerable<DoseEvent> Portions(RuleContext context, Scenario scenario, List<DoseEvent> events) => Portions(events);

    public void Check(RuleContext context)
    {
        var reported = new HashSet<EffectiveLimit>();
        foreach (var scenario in context.Scenarios)
        {
            foreach (var (drug, events) in context.EventsByDrug(scenario))
            {
                foreach (var limit in EffectiveLimit.For(context, drug, per))
                {
                    // Events are in time order, so the doses of one group (a day, a cycle) are consecutive.
                    var group = new List<DoseEvent>();
                    object? key = null;
                    foreach (var e in Portions(context, scenario, events))
                    {
                        if (!DoseArithmetic.Applies(limit, e))
                        {
                            continue;
                        }
                        object next = GroupKey(e);
                        if (group.Count > 0 && !Equals(next, key))
                        {
                            CheckGroup(context, scenario, limit, group, reported);
                            group.Clear();
                        }
                        key = next;
                        group.Add(e);
                    }
                    if (group.Count > 0)
                    {
                        CheckGroup(context, scenario, limit, group, reported);
                    }
                }
            }
        }
    }

    private void CheckGroup(RuleContext context, Scenario scenario, EffectiveLimit limit, List<DoseEvent> group, HashSet<EffectiveLimit> reported)
    {
        if (reported.Contains(limit) || !Exceeds(scenario, limit, group, out var crossing, out string total))
        {
            return;
        }
        reported.Add(limit);
        if (group.FirstOrDefault(e => e.Line.AsNeeded is not null) is { } prn)
        {
            // The total is what may be given, not what will be: say so.
            total += $" (counting {prn.Drug} as needed at its maximum, {prn.Line.AsNeeded!.Max ?? 1} a day)";
        }
        if (group.FirstOrDefault(e => e.Line.Until is { IsDuration: true, Longest: not null }) is { } open)
        {
            // Likewise a lab-driven duration: counted at its longest course, not the expected one the timeline shows.
            var until = open.Line.Until!;
            total += $" (counting {open.Drug} until {Syntax.Formatting.SyntaxPrinter.Condition(until.Condition)} at its longest, {until.Longest} days)";
        }
        // Name the patients concerned only when a conditional line contributes.
        string when = group.Any(e => e.Administration.When is not null || scenario.Patient.DoseLevels.ContainsKey(e.Drug) || e.Instance.Branch is not null
                || scenario.ChangesDose(e.Administration))
            ? scenario.When : "";
        context.Report(Diagnose.OverMaximum(EffectiveLimit.Scope(per), crossing!.Administration.Dose.Span, limit.Drug, total, Where(crossing), when,
            $"{limit.Max.Amount.Text} {limit.Unit}", limit.Origin).WithRelated(limit.Related));
    }

    private bool Exceeds(Scenario scenario, EffectiveLimit limit, List<DoseEvent> events, out DoseEvent? crossing, out string total)
    {
        var unit = limit.Unit;
        decimal max = limit.Max.Amount.Value;
        decimal? absoluteMax = scenario.IsRealPatient ? DoseArithmetic.AbsoluteLimit(limit, scenario.Patient) : null;
        var (priorSymbolic, priorAbsolute, _) = per == LimitPer.Lifetime
            ? DoseConversion.Prior(scenario.Patient, unit, drug => string.Equals(drug, limit.Drug, StringComparison.OrdinalIgnoreCase) ? 1m : null)
            : (0m, 0m, []);

        decimal symbolic = priorSymbolic, absolute = priorAbsolute;
        bool anySymbolic = priorSymbolic > 0;
        DoseEvent? symbolicCrossing = null, absoluteCrossing = null;
        foreach (var e in events)
        {
            if (e.Extrapolated && (symbolicCrossing ?? absoluteCrossing) is not null)
            {
                break; // a course with no maximum: the total is where the maximum is reached, not where the carrying-on stopped
            }
            if (DoseArithmetic.PrescribedIn(e, unit) is { } s)
            {
                symbolic += s;
                anySymbolic = true;
                if (symbolic > max)
                {
                    symbolicCrossing ??= e;
                }
            }
            if (absoluteMax is not null && DoseArithmetic.AbsoluteIn(e, unit) is { } a)
            {
                absolute += a;
                if (absolute > absoluteMax)
                {
                    absoluteCrossing ??= e;
                }
            }
        }
        string prior = per == LimitPer.Lifetime && (priorSymbolic > 0 || priorAbsolute > 0) ? Phrases.IncludingPrior : "";
        if (anySymbolic && symbolicCrossing is not null)
        {
            crossing = symbolicCrossing;
            total = DoseArithmetic.Format(symbolic, unit) + prior;
            return true;
        }
        if (absoluteCrossing is not null)
        {
            crossing = absoluteCrossing;
            total = DoseArithmetic.Format(absolute, unit.Mass) + prior + Phrases.ForThisPatient(DoseArithmetic.Format(absoluteMax!.Value, unit.Mass));
            return true;
        }
        crossing = null;
        total = "";
        return false;
    }
}

/// <summary>
/// RL3003: the doses of one day over the maximum per day. A dose counts on the day it belongs to (a continuous
/// infusion's daily entry on its day); an infusion over a stated time that runs past midnight is shared between the
/// calendar days it runs on, in proportion to its hours on each (a 46 h pump from 10:00 puts 14 h of its dose on its
/// first day, 24 h on the next and 8 h on the third).
/// </summary>
public sealed class PerDayLimitRule() : DoseSumRule(LimitPer.Day)
{
    protected override object GroupKey(DoseEvent e) => e.PlanDay;

    protected override IEnumerable<DoseEvent> Portions(List<DoseEvent> events)
    {
        if (!events.Any(e => e.Line.Infusion is OverInfusion))
        {
            return events;
        }
        var portions = new List<DoseEvent>(events.Count);
        foreach (var e in events)
        {
            // A continuous infusion's entry is already the amount of its day; only an infusion over a stated time is shared.
            if (e.Line.Infusion is not OverInfusion || e.DurationMinutes is not { } duration || duration <= 0
                || DoseLayout.FloorDiv(e.StartMinutes, Schedule.MinutesPerDay) == DoseLayout.FloorDiv(e.EndMinutes - 1, Schedule.MinutesPerDay))
            {
                portions.Add(e); // within one calendar day: counted whole on its day
                continue;
            }
            long start = e.StartMinutes;
            int day = e.PlanDay;
            while (start < e.EndMinutes)
            {
                long midnight = (DoseLayout.FloorDiv(start, Schedule.MinutesPerDay) + 1) * Schedule.MinutesPerDay;
                long end = Math.Min(midnight, e.EndMinutes);
                decimal share = (decimal)(end - start) / duration;
                portions.Add(e with
                {
                    PlanDay = day,
                    CycleDay = e.CycleDay + (day - e.PlanDay),
                    StartMinutes = start,
                    DurationMinutes = end - start,
                    Prescribed = e.Prescribed * share,
                    Absolute = e.Absolute * share,
                });
                start = end;
                day++;
            }
        }
        return portions.OrderBy(p => p.PlanDay).ThenBy(p => p.StartMinutes);
    }

    protected override string Where(DoseEvent e) => Phrases.OnPlanDay(e.PlanDay, e.CycleDay, e.Instance.CycleName);
}

/// <summary>RL3004: the doses of one cycle instance over the maximum per cycle.</summary>
public sealed class PerCycleLimitRule() : DoseSumRule(LimitPer.Cycle)
{
    protected override object GroupKey(DoseEvent e) => e.InstanceIndex;

    protected override string Where(DoseEvent e) => Phrases.InPlanCycle(e.Instance.Cycle, e.Instance.CycleName, e.Instance.PhaseCycle, e.Instance.Phase);
}

/// <summary>
/// RL3005: the doses of the whole plan (every phase) plus prior exposure over the lifetime maximum. An open-ended course is
/// checked at its longest; a course with no maximum (<c>(at least 5 years)</c>) is carried on past the course laid out, repeat
/// after repeat of its last one, until the maximum is reached or the bounds of a plan (100 years, 100,000 doses): any lifetime
/// maximum of a drug it gives is reached some day, and the finding says after how many of its cycles.
/// </summary>
public sealed class LifetimeLimitRule() : DoseSumRule(LimitPer.Lifetime)
{
    protected override object GroupKey(DoseEvent e) => 0;

    protected override IEnumerable<DoseEvent> Portions(RuleContext context, Scenario scenario, List<DoseEvent> events)
    {
        foreach (var e in events)
        {
            yield return e;
        }
        // The last repeat laid out of a course with no maximum that gives this drug.
        var last = events.LastOrDefault(e => e.Instance.OpenEnded is { AtMost: null });
        if (last is null)
        {
            yield break;
        }
        var course = last.Instance.OpenEnded!;
        bool SameRepeat(CycleInstance c) => c.Phase == last.Instance.Phase && c.OpenEnded is { } o && o.Until == course.Until && o.Repeat == course.Repeat;
        var repeat = context.LayoutFor(scenario).Instances.Where(SameRepeat).ToList();
        var template = events.Where(e => SameRepeat(e.Instance)).ToList();
        int span = repeat[^1].StartDay + repeat[^1].LengthDays - repeat[0].StartDay;
        if (span <= 0)
        {
            yield break;
        }
        // Bounded as a plan is: 100 years from the plan's start and 100,000 doses carried on.
        int carried = 0;
        for (int k = 1; repeat[0].StartDay + (k + 1) * span <= PlanLayout.MaxDays && carried < PlanLayout.MaxAdministrations; k++)
        {
            foreach (var e in template)
            {
                carried++;
                var open = e.Instance.OpenEnded! with { Repeat = e.Instance.OpenEnded!.Repeat + k };
                yield return e with
                {
                    Instance = e.Instance with { OpenEnded = open },
                    PlanDay = e.PlanDay + k * span,
                    StartMinutes = e.StartMinutes + (long)k * span * 24 * 60,
                    Extrapolated = true,
                };
            }
        }
    }

    // An open-ended course is checked at its longest: the finding says after how many of its cycles the maximum is reached.
    protected override string Where(DoseEvent e) => e.Instance.OpenEnded is { } open
        ? open.AtMost is { } most
            ? Phrases.OverOpenCourseReachedIn(e.Instance.Cycle, e.Instance.CycleName, e.Instance.Phase, open.Until, open.Repeat, most)
            : Phrases.OverUnboundedCourseReachedIn(e.Instance.CycleName, e.Instance.Phase, open.Until, open.Repeat)
        : Phrases.OverThePlanReachedIn(e.Instance.Cycle, e.Instance.CycleName, e.Instance.Phase);
}

/// <summary>
/// RL3002: one administration over the maximum per administration. A line alone decides it, so it is
/// checked on every complete line, whatever else in the file is broken: in like units without a patient,
/// and on the computed dose with one (when the line applies to that patient).
/// </summary>
public sealed class PerAdministrationLimitRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.OverMaxPerAdministration];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        var quiet = new DiagnosticBag("");
        var cycleOf = new Dictionary<AdministrationLine, string>(ReferenceEqualityComparer.Instance);
        foreach (var (cycle, line) in context.LinesByCycle)
        {
            cycleOf.TryAdd(line.Line, cycle.Name);
        }
        foreach (var administration in context.Lines)
        {
            if (administration.Drug is not { } drug)
            {
                continue;
            }
            foreach (var (dose, level, after) in DosesAtLevels(context, administration))
            {
                Check(context, administration, drug, dose, level, after, cycleOf, quiet);
            }
        }
    }

    /// <summary>
    /// The doses of a line to check: as written, and the dose after its event for a line whose dose changes on one (<c>until cmr
    /// then 15 mg</c>: <c>After</c> names the event); for a drug with dose levels, each at each level that gives a dose (with a
    /// patient, at the patient's level only).
    /// </summary>
    private static IEnumerable<(DoseSyntax Dose, int? Level, string? After)> DosesAtLevels(RuleContext context, Semantics.Binding.BoundAdministration administration)
    {
        List<(DoseSyntax Dose, string? After)> written = [(administration.Dose, null)];
        if (administration.Line.Until is { Then: { } then, Event: { } name })
        {
            written.Add((then, name));
        }
        var table = context.Model.LevelsOf(administration.DrugName);
        foreach (var (dose, after) in written)
        {
            if (table is null)
            {
                yield return (dose, null, after);
                continue;
            }
            foreach (var level in table.Levels.Values.Reverse())
            {
                if (context.Patient is { } patient && patient.DoseLevelOf(table.Drug.Name) != level.Number)
                {
                    continue;
                }
                if (Semantics.Binding.DoseLevelArithmetic.Apply(table, level, administration.Dose, dose) is { } atLevel)
                {
                    yield return (atLevel, level.Number == 0 ? null : level.Number, after);
                }
            }
        }
    }

    private static void Check(RuleContext context, Semantics.Binding.BoundAdministration administration, DrugEntry drug, DoseSyntax dose, int? level,
        string? after, Dictionary<AdministrationLine, string> cycleOf, DiagnosticBag quiet)
    {
        var line = administration.Line;
        var (amount, unit) = DoseEventBuilder.Prescribed(dose);
        Evaluation.DoseResult? computed = null;
        if (context.Patient is { } patient && Applies(administration, patient))
        {
            computed = Dosing.Compute(line, dose, patient, quiet);
        }
        foreach (var limit in EffectiveLimit.For(context, drug, LimitPer.Administration).Where(l => DoseArithmetic.Applies(l, line)))
        {
            string? total = null;
            if (DoseArithmetic.PrescribedIn(amount, unit, limit.Unit) is { } symbolic && symbolic > limit.Max.Amount.Value)
            {
                total = DoseArithmetic.Format(symbolic, limit.Unit);
            }
            else if (computed is not null && DoseArithmetic.AbsoluteLimit(limit, context.Patient) is { } absoluteMax
                && DoseArithmetic.AbsoluteIn(computed.Amount, computed.Unit, limit.Unit) is { } absolute && absolute > absoluteMax)
            {
                total = DoseArithmetic.Format(absolute, limit.Unit.Mass) + Phrases.ForThisPatient(DoseArithmetic.Format(absoluteMax, limit.Unit.Mass));
            }
            if (total is not null)
            {
                int day = administration.ListedDays.FirstOrDefault();
                string where = Phrases.InOneAdministration + " " + (cycleOf.TryGetValue(line, out var cycle)
                    ? Phrases.OfCycle(day, cycle)
                    : Phrases.OfBlock(day, context.Model.Blocks.Values.FirstOrDefault(b => b.Syntax.Body.Contains(line))?.Name ?? ""));
                string condition = line.When is { } w ? Syntax.Formatting.SyntaxPrinter.Condition(w.Condition) : "";
                string atLevel = level is { } n ? $"dose level {n} of {drug.Name}" : "";
                string when = Phrases.When(string.Join(", ", new[] { condition, atLevel, after is null ? "" : "after " + after }.Where(p => p.Length > 0)));
                context.Report(Diagnose.OverMaximum(MaximumScope.Administration, administration.Dose.Span, limit.Drug, total, where, when,
                    $"{limit.Max.Amount.Text} {limit.Unit}", limit.Origin).WithRelated(limit.Related));
            }
        }
    }

    /// <summary>Whether the line is given to the patient: no condition, or one that holds on the facts given (an unknown fact: maybe, so checked).</summary>
    private static bool Applies(Semantics.Binding.BoundAdministration administration, Patient patient) =>
        administration.When is not { } when || when.Facts().Any(f => f.Fact.Read(patient) is null) || when.Holds(patient);
}
