using System.Collections.Immutable;
using RegimenLang.Semantics.Binding;

namespace RegimenLang.Evaluation;

/// <summary>Why a plan was not laid out.</summary>
public abstract record LayoutRefusal;

/// <summary>The file has no plan.</summary>
public sealed record NoPlan : LayoutRefusal;

/// <summary>The plan has a line that could not be read, names a cycle that does not exist, or a cycle of unknown length: it is not laid out.</summary>
public sealed record IncompletePlan : LayoutRefusal;

/// <summary>Over <see cref="PlanLayout.MaxCycleInstances"/> cycle instances or <see cref="PlanLayout.MaxDays"/> days (saturating counts).</summary>
public sealed record PlanTooLarge(decimal Cycles, decimal Days) : LayoutRefusal;

/// <summary>Lines that would give over <see cref="PlanLayout.MaxAdministrations"/> administrations.</summary>
public sealed record TooManyAdministrations(long Count) : LayoutRefusal;

/// <summary>
/// The plan laid out on the calendar: phases in order, <c>then</c>, <c>x N</c> and <c>rest</c>; each cycle
/// instance starts the day after the previous one ends. The size of the plan is computed arithmetically
/// over the bound sequence first, so an enormous plan is refused before anything is materialised; the
/// checker turns a refusal into RL2009. Only a complete plan is laid out.
/// </summary>
public sealed record PlanLayout(ImmutableArray<CycleInstance> Instances, LayoutRefusal? Refusal)
{
    public const int MaxCycleInstances = 1000;
    public const int MaxDays = 36_525; // 100 years of 365.25 days
    public const int MaxAdministrations = 100_000;

    // Sizes saturate here: far above the bounds, far below decimal's range, so products never overflow.
    private const decimal Saturation = 1_000_000_000_000m;

    public bool IsLaidOut => Refusal is null;

    /// <summary>Cycle instances and days of a sequence (saturating, never overflowing).</summary>
    public readonly record struct PlanSize(decimal Cycles, decimal Days);

    /// <summary>
    /// The plan laid out with every branch taken as <paramref name="branch"/> decides, and each open-ended repeat at its expected
    /// course (the timeline) or, with <paramref name="longest"/>, at its longest (the checker checks the maximum).
    /// </summary>
    public static PlanLayout Of(SemanticModel model, Func<BoundCondition, bool> branch, bool longest)
    {
        if (model.Plan is not { } plan)
        {
            return new PlanLayout([], new NoPlan());
        }
        if (!plan.IsComplete)
        {
            return new PlanLayout([], new IncompletePlan());
        }
        var total = new PlanSize(0, 0);
        foreach (var phase in plan.Phases)
        {
            var size = Measure(phase.Sequence);
            total = new PlanSize(Sat(total.Cycles + size.Cycles), Sat(total.Days + size.Days));
        }
        if (total.Cycles > MaxCycleInstances || total.Days > MaxDays)
        {
            return new PlanLayout([], new PlanTooLarge(total.Cycles, total.Days));
        }

        var result = ImmutableArray.CreateBuilder<CycleInstance>((int)total.Cycles);
        var state = new LayoutState(result, branch, longest);
        foreach (var phase in plan.Phases)
        {
            state.PhaseCycle = 0;
            Materialise(phase.Sequence, phase.Name, state, null, null);
        }
        var instances = result.ToImmutable();
        long administrations = CountAdministrations(instances, model.PhaseBlocks.Values.SelectMany(p => p.Lines));
        return administrations > MaxAdministrations
            ? new PlanLayout([], new TooManyAdministrations(administrations))
            : new PlanLayout(instances, null);
    }

    /// <summary>
    /// An upper bound of the administrations the plan gives (conditions are assumed true), counted from
    /// days and frequencies without laying anything out, so that a damaged or hostile file cannot make
    /// the evaluator or the checker build millions of entries.
    /// </summary>
    private static long CountAdministrations(IReadOnlyList<CycleInstance> instances, IEnumerable<BoundAdministration> phaseLines)
    {
        var perLine = new Dictionary<(Syntax.Nodes.AdministrationLine, CycleSymbol), long>();
        long total = 0;
        foreach (var given in GivenLines.Of(instances))
        {
            var key = (given.Administration.Line, given.Cycle);
            if (!perLine.TryGetValue(key, out long count))
            {
                count = Schedule.Estimate(given.Administration, given.Cycle.LengthDays ?? 0);
                perLine[key] = count;
            }
            total += count;
            if (total > MaxAdministrations)
            {
                return total;
            }
        }
        // Lines of phase blocks run across their phase: bounded by the whole plan's length.
        long planDays = instances.Count == 0 ? 0 : instances[^1].StartDay + instances[^1].LengthDays;
        foreach (var line in phaseLines)
        {
            total += Schedule.Estimate(line, (int)Math.Min(planDays, int.MaxValue));
            if (total > MaxAdministrations)
            {
                return total;
            }
        }
        return total;
    }

    // Recursion depth is bounded by the parser's nesting limit (64).
    private static PlanSize Measure(BoundSequence sequence) => sequence switch
    {
        BoundCycleStep step => new PlanSize(1, step.Cycle.LengthDays ?? 0),
        BoundRest rest => new PlanSize(0, rest.Days),
        BoundRepeat repeat => Times(Measure(repeat.Item), repeat.Count),
        // Either side may be taken: the larger of each (a bound, for the size guard, whatever the patient).
        BoundBranch branch => branch.Else is { } otherwise ? Max(Measure(branch.Then), Measure(otherwise)) : Measure(branch.Then),
        BoundOpenRepeat open => Times(Measure(open.Item), Checked(open)),
        BoundThen then => then.Items.Select(Measure).Aggregate(new PlanSize(0, 0), (a, b) => new PlanSize(Sat(a.Cycles + b.Cycles), Sat(a.Days + b.Days))),
        _ => throw new ArgumentOutOfRangeException(nameof(sequence)),
    };

    private static PlanSize Max(PlanSize a, PlanSize b) => new(Math.Max(a.Cycles, b.Cycles), Math.Max(a.Days, b.Days));

    /// <summary>
    /// The longest course of an open-ended repeat, in repeats (null: the course has no maximum): as written, or the whole
    /// repeats of the item that fit in the duration (at least one). An item whose length depends on a branch is measured at
    /// its longest side.
    /// </summary>
    public static int? Longest(BoundOpenRepeat open) => open.AtMost is { } most ? Repeats(open, most, roundUp: false) : null;

    /// <summary>The shortest course in repeats (null when none is written): the fewest whole repeats that last the duration.</summary>
    public static int? Shortest(BoundOpenRepeat open) => open.AtLeast is { } least ? Repeats(open, least, roundUp: true) : null;

    /// <summary>The expected course in repeats (null when none is written): the whole repeats that fit in the duration, at least one.</summary>
    public static int? Expected(BoundOpenRepeat open) => open.Expected is { } expected ? Repeats(open, expected, roundUp: false) : null;

    /// <summary>The course the timeline shows: the expected one, else the shortest, else the longest (never past the longest).</summary>
    public static int Shown(BoundOpenRepeat open)
    {
        int shown = Expected(open) ?? Shortest(open) ?? Longest(open) ?? 1;
        return Longest(open) is { } longest ? Math.Min(shown, longest) : shown;
    }

    /// <summary>
    /// The course the checker lays out: the longest; without one, the longer of the expected and the shortest course. The
    /// lifetime rule carries a course with no maximum on past it (<c>LifetimeLimitRule</c>).
    /// </summary>
    public static int Checked(BoundOpenRepeat open) => Longest(open) ?? Math.Max(Expected(open) ?? 1, Shortest(open) ?? 1);

    private static int Repeats(BoundOpenRepeat open, CourseLength length, bool roundUp)
    {
        if (length.Repeats is { } repeats)
        {
            return repeats;
        }
        decimal itemDays = Measure(open.Item).Days;
        if (itemDays <= 0)
        {
            return 1;
        }
        decimal fit = length.Days!.Value / itemDays;
        return (int)Math.Max(1, Math.Min(roundUp ? Math.Ceiling(fit) : Math.Floor(fit), Saturation));
    }

    private static PlanSize Times(PlanSize size, int count) => new(Mul(size.Cycles, count), Mul(size.Days, count));

    private static decimal Sat(decimal value) => Math.Min(value, Saturation);

    /// <summary>A saturating product of two non-negative sizes.</summary>
    private static decimal Mul(decimal a, decimal b) => a == 0 || b == 0 ? 0 : b > Saturation / a ? Saturation : Sat(a * b);

    /// <summary>What the materialisation carries along: the instances so far, the calendar, and how to choose.</summary>
    private sealed class LayoutState(ImmutableArray<CycleInstance>.Builder result, Func<BoundCondition, bool> branch, bool longest)
    {
        public ImmutableArray<CycleInstance>.Builder Result { get; } = result;
        public Func<BoundCondition, bool> Branch { get; } = branch;
        public bool LongestCourse { get; } = longest;
        public int Day { get; set; }
        public int PlanCycle { get; set; }
        public int PhaseCycle { get; set; }
    }

    private static void Materialise(BoundSequence sequence, string phase, LayoutState state, string? branch, OpenCourse? open)
    {
        switch (sequence)
        {
            case BoundCycleStep step:
                state.PlanCycle++;
                state.PhaseCycle++;
                int length = step.Cycle.LengthDays!.Value;
                state.Result.Add(new CycleInstance(phase, state.PlanCycle, state.PhaseCycle, step.Cycle, state.Day, length) { Branch = branch, OpenEnded = open });
                state.Day += length;
                break;
            case BoundRest rest:
                state.Result.Add(new CycleInstance(phase, 0, 0, null, state.Day, rest.Days) { Branch = branch, OpenEnded = open });
                state.Day += rest.Days;
                break;
            case BoundRepeat repeat:
                for (int i = 0; i < repeat.Count; i++)
                {
                    Materialise(repeat.Item, phase, state, branch, open);
                }
                break;
            case BoundThen then:
                foreach (var item in then.Items)
                {
                    Materialise(item, phase, state, branch, open);
                }
                break;
            case BoundBranch choice:
                bool holds = state.Branch(choice.Condition);
                string condition = Syntax.Formatting.SyntaxPrinter.Condition(choice.Condition.Syntax);
                string taken = holds ? condition : $"not ({condition})";
                string path = branch is null ? taken : $"{branch} and {taken}";
                if ((holds ? choice.Then : choice.Else) is { } side)
                {
                    Materialise(side, phase, state, path, open);
                }
                break;
            case BoundOpenRepeat course:
                int count = state.LongestCourse ? Checked(course) : Shown(course);
                var bounds = (Expected: Expected(course), AtLeast: Shortest(course), AtMost: Longest(course));
                for (int i = 0; i < count; i++)
                {
                    Materialise(course.Item, phase, state, branch, new OpenCourse(course.Until, i + 1, bounds.Expected, bounds.AtLeast, bounds.AtMost));
                }
                break;
        }
    }
}
