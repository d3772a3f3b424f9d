using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// One dose of the laid-out plan before it is dosed: its line, the cycle instance it falls in, when it starts and
/// how long it runs (minutes from midnight of plan day 1, the first cycle's day 1), which part of the line's dose it
/// is (a ramp step, a share of a divided or infused per-day dose), and the line it was timed from.
/// </summary>
/// <param name="CycleDay">The day of <see cref="Instance"/> the dose belongs to: the listed day for a dose its own days place
/// (a q6h dose after midnight keeps its day), the calendar day for a dose timed from another line or run across cycles.</param>
/// <param name="Step">The 0-based ramp step; -1 for other lines.</param>
/// <param name="DefaultTime">The clock time came from the patient's first-dose time (not from <c>at</c> or a timing).</param>
public sealed record PlacedDose(
    BoundAdministration Administration,
    int InstanceIndex,
    CycleInstance Instance,
    int CycleDay,
    long StartMinutes,
    long? DurationMinutes,
    int? DoseNumber,
    int? DoseCount,
    int Step,
    bool DefaultTime,
    AdministrationLine? Anchor)
{
    public AdministrationLine Line => Administration.Line;

    /// <summary>1-based day of the plan (0 and below before day 1 of the first cycle).</summary>
    public int PlanDay => Instance.StartDay + CycleDay;

    public long EndMinutes => StartMinutes + (DurationMinutes ?? 0);

    /// <summary>The day of its cycle or phase block the line gives the dose for (its listed day; for a timed dose, its anchor's).</summary>
    public int ListedDay { get; init; }

    /// <summary>The dose of this administration as prescribed: the ramp step, or the line's dose.</summary>
    public DoseSyntax Prescribed => Step >= 0 && Administration.Dose is RampDose ramp ? ramp.Steps[Step] : Administration.Dose;

    /// <summary>How many doses a <c>divided</c> per-day dose is split into (1 otherwise).</summary>
    public int DividedInto => Line.Frequency is { Divided: true } f ? Schedule.PerDay(f) : 1;

    /// <summary>
    /// The share of the line's per-administration amount this dose is (a rate dose's amount is per day): a rate
    /// infused over D gives D / 24 h of its daily amount; a divided dose gives 1/n of it.
    /// </summary>
    public decimal Share => (IsRateOver(Line) ? (decimal)DurationMinutes!.Value / Schedule.MinutesPerDay : 1m) / DividedInto;

    /// <summary>A rate dose (<c>mg/m2/day</c>) given over a stated time: one administration of the rate for that time.</summary>
    public static bool IsRateOver(AdministrationLine line) =>
        line.Dose is AmountDose { Unit.Rate: not DoseRate.None } && line.Infusion is OverInfusion;

    /// <summary>How long a dose of the line runs: <c>over D</c>; a day for a continuous infusion without one; null when given at once.</summary>
    public static long? Duration(AdministrationLine line) =>
        line.Infusion is OverInfusion over ? (long)Math.Round(over.Duration.TotalMinutes, MidpointRounding.AwayFromZero)
        : line.IsContinuous ? Schedule.MinutesPerDay
        : null;
}

/// <summary>The laid-out doses, and whether some line could not be laid out (a problem the checker reports).</summary>
public sealed record DoseLayoutResult(ImmutableArray<PlacedDose> Doses, bool Refused);

/// <summary>
/// Lays out every dose of the plan, in plan order: the lines of each cycle instance that its qualifiers and the
/// caller's conditions let through, then the lines of the phase blocks across their phases. A line timed from
/// another is placed from that line's dose on the same day (its start or end, plus or minus the offset): it is
/// given on a day only when its anchor is. The evaluator and the checker both lay the plan out here, so the
/// checker counts exactly the doses the timeline shows.
/// </summary>
public static class DoseLayout
{
    /// <param name="given">Whether a line is given (its condition, for this patient or scenario).</param>
    /// <param name="include">Which lines the caller wants (the lines they are timed from are laid out too).</param>
    /// <param name="expectedCourse">Lay a lab-driven duration (<c>until anc &gt;= 1.0 (expect 7 days, at most 14 days)</c>) out at
    /// its expected course, as the timeline shows it, instead of at its longest, which the checker counts. Lines and orders timed
    /// from it then follow the doses shown.</param>
    public static DoseLayoutResult Lay(SemanticModel model, ImmutableArray<CycleInstance> instances, int firstDoseMinutes,
        Func<BoundAdministration, bool> given, Func<BoundAdministration, bool> include, IDiagnosticSink problems, bool expectedCourse = false)
    {
        var state = new LayoutState(firstDoseMinutes, given, include, problems, expectedCourse);
        for (int index = 0; index < instances.Length; index++)
        {
            var instance = instances[index];
            if (instance.Symbol is not { } cycle)
            {
                continue;
            }
            var lines = cycle.Lines.Where(a => a.Line.Cycles is not { } selector || selector.Includes(instance.PhaseCycle));
            long origin = (long)instance.StartDay * Schedule.MinutesPerDay;
            foreach (var (dose, minutes) in state.Place(cycle, lines, cycle.LengthDays!.Value))
            {
                state.Add(dose, minutes + origin, index, instance, dose.Day);
            }
        }
        foreach (var phase in model.PhaseBlocks.Values)
        {
            LayPhase(phase, instances, state);
        }
        return new DoseLayoutResult(InTimeOrder(state.Doses), state.Refused);
    }

    /// <summary>
    /// The doses by start, those starting together in the order they were placed (a stable sort). Cycle instances are placed
    /// in order, so most of a long plan is in order already; the sort works on keys, not through a key selector per comparison.
    /// </summary>
    private static ImmutableArray<PlacedDose> InTimeOrder(List<PlacedDose> doses)
    {
        bool sorted = true;
        for (int i = 1; i < doses.Count && sorted; i++)
        {
            sorted = doses[i].StartMinutes >= doses[i - 1].StartMinutes;
        }
        if (sorted)
        {
            return [.. doses];
        }
        var keys = new (long Start, int Placed)[doses.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (doses[i].StartMinutes, i);
        }
        Array.Sort(keys);
        var ordered = ImmutableArray.CreateBuilder<PlacedDose>(keys.Length);
        foreach (var (_, placed) in keys)
        {
            ordered.Add(doses[placed]);
        }
        return ordered.MoveToImmutable();
    }

    private static void LayPhase(PhaseBlockSymbol phase, ImmutableArray<CycleInstance> instances, LayoutState state)
    {
        int first = -1, last = -1;
        for (int i = 0; i < instances.Length; i++)
        {
            if (string.Equals(instances[i].Phase, phase.Name, StringComparison.OrdinalIgnoreCase))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0)
        {
            return; // no such phase: reported by the binder
        }
        int startDay = instances[first].StartDay;
        int length = instances[last].StartDay + instances[last].LengthDays - startDay;
        long origin = (long)startDay * Schedule.MinutesPerDay;
        foreach (var (dose, minutes) in state.Place(phase, phase.Lines, length))
        {
            long at = minutes + origin;
            // The dose belongs to the cycle instance whose days hold its calendar day (the first or last one outside them).
            int planDay = (int)FloorDiv(at, Schedule.MinutesPerDay);
            int index = ContainingInstance(instances, planDay);
            var instance = instances[index];
            if (instance.IsRest)
            {
                // A rest is treatment-free: 'throughout' covers the phase's cycles only, and the checker reports any other
                // phase-block dose that would fall in a rest (RL2001).
                continue;
            }
            if (dose.Administration.Line.Cycles is { } selector
                && !(string.Equals(instance.Phase, phase.Name, StringComparison.OrdinalIgnoreCase) && selector.Includes(instance.PhaseCycle)))
            {
                continue;
            }
            state.Add(dose, at, index, instance, planDay - instance.StartDay + 1);
        }
    }

    private static int ContainingInstance(ImmutableArray<CycleInstance> instances, int planDayIndex)
    {
        for (int i = 0; i < instances.Length; i++)
        {
            if (planDayIndex < instances[i].StartDay + instances[i].LengthDays)
            {
                return i;
            }
        }
        return instances.Length - 1;
    }

    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>A dose of a container's line, before it is put in the plan: minutes from midnight of the container's day 1.</summary>
    /// <param name="ListedDay">The line's listed day the dose is given for: for a dose timed from another, the anchor's day
    /// (so a line timed from a timed line finds it, even when that dose fell on the next calendar day).</param>
    private readonly record struct ContainerDose(BoundAdministration Administration, int Day, long Minutes, int? DoseNumber, int? DoseCount,
        int Step, bool DefaultTime, AdministrationLine? Anchor, int ListedDay);

    /// <summary>Passes findings on and remembers whether there were any.</summary>
    private sealed class ReportedSink(IDiagnosticSink inner) : IDiagnosticSink
    {
        public bool Reported { get; private set; }

        public void Report(Diagnostic diagnostic)
        {
            Reported = true;
            inner.Report(diagnostic);
        }
    }

    private sealed class LayoutState(int firstDoseMinutes, Func<BoundAdministration, bool> given, Func<BoundAdministration, bool> include, IDiagnosticSink problems,
        bool expectedCourse)
    {
        // A line's doses within its container depend only on the line and the container: laid out once.
        private readonly Dictionary<(AdministrationLine, object), ImmutableArray<ScheduledDose>?> _schedules = new(LineKeyComparer<object>.Instance);

        public List<PlacedDose> Doses { get; } = [];

        public bool Refused { get; private set; }

        public void Add(ContainerDose dose, long start, int index, CycleInstance instance, int cycleDay)
        {
            if (!include(dose.Administration))
            {
                return;
            }
            Doses.Add(new PlacedDose(dose.Administration, index, instance, cycleDay, start, PlacedDose.Duration(dose.Administration.Line),
                dose.DoseNumber, dose.DoseCount, dose.Step, dose.DefaultTime, dose.Anchor) { ListedDay = dose.ListedDay });
        }

        /// <summary>The doses of the given lines of one container (each with its minutes from the container's day-1 midnight).</summary>
        public IEnumerable<(ContainerDose Dose, long Minutes)> Place(object container, IEnumerable<BoundAdministration> candidates, int length)
        {
            var all = candidates.ToList();
            var lines = new List<BoundAdministration>(all.Count);
            // Every instance of a cycle whose qualifiers and conditions let the same lines through has the same doses: laid out once.
            var signature = new System.Text.StringBuilder();
            foreach (var line in all)
            {
                bool isGiven = given(line);
                if (isGiven)
                {
                    lines.Add(line);
                }
                signature.Append(isGiven ? line.Line.Span.Start : ~line.Line.Span.Start).Append(',');
            }
            var key = (container, signature.ToString());
            if (!_placements.TryGetValue(key, out var done))
            {
                done = [.. PlaceLines(container, all, lines, length)];
                _placements[key] = done;
            }
            return done;
        }

        private readonly Dictionary<(object Container, string Lines), List<(ContainerDose Dose, long Minutes)>> _placements = [];

        private IEnumerable<(ContainerDose Dose, long Minutes)> PlaceLines(object container, List<BoundAdministration> all, List<BoundAdministration> lines, int length)
        {
            var wanted = Wanted(lines);
            var placed = new Dictionary<AdministrationLine, List<ContainerDose>>(ReferenceEqualityComparer.Instance);
            var timed = new List<BoundAdministration>();
            foreach (var line in lines.Where(l => wanted.Contains(l.Line)))
            {
                if (line.Anchor is not null)
                {
                    timed.Add(line);
                    continue;
                }
                var key = (line.Line, container);
                if (!_schedules.TryGetValue(key, out var schedule))
                {
                    var said = new ReportedSink(problems);
                    schedule = Schedule.Doses(line, length, firstDoseMinutes, said);
                    _schedules[key] = schedule;
                    if (schedule is null && !said.Reported)
                    {
                        // The schedule leaves to the checker what it reports; a line it did not is still never dropped in silence.
                        problems.Report(Diagnose.LineNotLaidOut(line.Line.Span, line.DrugName));
                    }
                }
                if (schedule is not { } doses)
                {
                    Refused = true;
                    continue;
                }
                var list = Placed(placed, line.Line);
                int lastDay = expectedCourse && line.LastExpectedDay is { } last ? last : int.MaxValue;
                foreach (var d in doses)
                {
                    if (d.Day > lastDay)
                    {
                        continue; // past the expected course of a lab-driven duration
                    }
                    list.Add(new ContainerDose(line, d.Day, d.Minutes, d.DoseNumber, d.DoseCount, d.Step, d.DefaultTime, null, d.Day));
                }
            }
            var listed = new Dictionary<AdministrationLine, ImmutableArray<int>>(ReferenceEqualityComparer.Instance);
            foreach (var line in all)
            {
                listed.TryAdd(line.Line, line.ListedDays);
            }
            PlaceTimed(timed, lines, placed, listed);
            return placed.Values.SelectMany(l => l).Select(d => (d, d.Minutes));
        }

        /// <summary>The lines wanted in a container: those the caller includes and, transitively, the lines they are timed from.</summary>
        private HashSet<AdministrationLine> Wanted(List<BoundAdministration> lines)
        {
            var byLine = new Dictionary<AdministrationLine, BoundAdministration>(ReferenceEqualityComparer.Instance);
            foreach (var line in lines)
            {
                byLine.TryAdd(line.Line, line);
            }
            var wanted = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<BoundAdministration>(lines.Where(include));
            while (pending.Count > 0)
            {
                var line = pending.Pop();
                if (!wanted.Add(line.Line) || line.Anchor is not { } anchor)
                {
                    continue;
                }
                foreach (var candidate in anchor.Candidates)
                {
                    if (byLine.TryGetValue(candidate, out var bound))
                    {
                        pending.Push(bound);
                    }
                }
            }
            return wanted;
        }

        private static List<ContainerDose> Placed(Dictionary<AdministrationLine, List<ContainerDose>> placed, AdministrationLine line)
        {
            if (!placed.TryGetValue(line, out var list))
            {
                placed[line] = list = [];
            }
            return list;
        }

        /// <summary>
        /// Places the timed lines, each once the lines it is timed from are placed (the binder left out circles). On each
        /// of its days a timed line follows the one candidate that gives a dose that day; none given that day (a condition,
        /// a cycle qualifier) means no dose; none listing that day, or two giving it, is a problem the checker reports
        /// (RL2010, RL2011) and refuses the layout.
        /// </summary>
        private void PlaceTimed(List<BoundAdministration> timed, List<BoundAdministration> lines, Dictionary<AdministrationLine, List<ContainerDose>> placed,
            Dictionary<AdministrationLine, ImmutableArray<int>> listed)
        {
            var givenLines = lines.Select(l => l.Line).ToHashSet(ReferenceEqualityComparer.Instance);
            var remaining = new List<BoundAdministration>(timed);
            while (remaining.Count > 0)
            {
                var ready = remaining.Where(t => t.Anchor!.Candidates.All(c => !givenLines.Contains(c) || placed.ContainsKey(c) || !timed.Any(x => ReferenceEquals(x.Line, c)))).ToList();
                if (ready.Count == 0)
                {
                    // A circle the binder did not see cannot happen; refuse (and say so) rather than loop.
                    Refused = true;
                    problems.Report(Diagnose.TimingDeadlock(remaining[0].Line.Timing!.Span));
                    return;
                }
                foreach (var line in ready)
                {
                    remaining.Remove(line);
                    PlaceTimedLine(line, placed, listed);
                }
            }
        }

        private void PlaceTimedLine(BoundAdministration line, Dictionary<AdministrationLine, List<ContainerDose>> placed,
            Dictionary<AdministrationLine, ImmutableArray<int>> listed)
        {
            var anchor = line.Anchor!;
            var timing = anchor.Syntax;
            var list = Placed(placed, line.Line);
            foreach (int day in line.ListedDays)
            {
                var onDay = anchor.Candidates
                    .Select(c => placed.TryGetValue(c, out var doses) ? doses.Where(d => d.ListedDay == day).ToList() : [])
                    .Where(d => d.Count > 0)
                    .ToList();
                if (onDay.Count != 1)
                {
                    // None given that day is fine when the anchor lists it (a condition or qualifier left it out); otherwise the checker reports it.
                    if (onDay.Count > 1 || !anchor.Candidates.Any(c => listed.TryGetValue(c, out var days) && (days.IsEmpty || days.BinarySearch(day) >= 0)))
                    {
                        Refused = true;
                        problems.Report(Diagnose.UntimableLine(timing.Anchor.Span, timing.Anchor.Text, day, onDay.Sum(d => d.Count)));
                    }
                    continue;
                }
                var first = onDay[0].MinBy(d => d.Minutes);
                long edge = timing.EffectiveEdge == AnchorEdge.Ends ? first.Minutes + (PlacedDose.Duration(first.Administration.Line) ?? 0) : first.Minutes;
                long start = edge + (long)Math.Round(timing.OffsetMinutes, MidpointRounding.AwayFromZero);
                var said = new ReportedSink(problems);
                if (Schedule.TimedDoses(line.Line, start, said) is not { } doses)
                {
                    Refused = true;
                    if (!said.Reported)
                    {
                        problems.Report(Diagnose.LineNotLaidOut(line.Line.Span, line.DrugName));
                    }
                    continue;
                }
                foreach (var (minutes, number, count) in doses)
                {
                    list.Add(new ContainerDose(line, (int)FloorDiv(minutes, Schedule.MinutesPerDay) + 1, minutes, number, count, -1, false, first.Administration.Line, day));
                }
            }
        }
    }
}
