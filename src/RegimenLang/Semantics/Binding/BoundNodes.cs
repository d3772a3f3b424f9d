using System.Collections.Immutable;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// A complete administration line, with its names resolved: the drug (null when it is not in the
/// formulary, already reported), the bound condition, and the block it came from when included.
/// Only complete lines are bound: the evaluator and the plan-wide checks can rely on every part.
/// </summary>
public sealed record BoundAdministration(AdministrationLine Line, DrugEntry? Drug, BoundCondition? When, string? ViaBlock)
{
    /// <summary>The canonical drug name (the formulary name when known, else as written).</summary>
    public string DrugName => Drug?.Name ?? Line.Drug.Text;

    public DoseSyntax Dose => Line.Dose!;

    /// <summary>The days clause as written; null when the line needs none (a timed line, <c>every 14 days</c>, a ramp).</summary>
    public DaysSyntax? Days => Line.Days;

    /// <summary>
    /// The days the line names, in order: as written; for a line timed from another without days of its own, the
    /// days of the line it follows (set by the binder for its cycle or phase); a ramp without days starts on day 1;
    /// empty for <c>every N days</c>, <c>weekly</c> and <c>throughout</c> without days (they start on day 1).
    /// </summary>
    public ImmutableArray<int> ListedDays { get; init; } = UntilCourse(Line, longest: true) ?? Line.Days?.Listed ?? (Line.Dose is RampDose ? [1] : []);

    /// <summary>
    /// The days of a line with a lab- or event-driven duration (<c>day 8 until anc >= 1.0 (expect 7 days, at most 14 days)</c>):
    /// from its one listed day, for the longest course (what the checker counts) or the expected one (what the timeline shows);
    /// null for any other line, or one whose duration the checker refuses (RL2041).
    /// </summary>
    public static ImmutableArray<int>? UntilCourse(AdministrationLine line, bool longest) =>
        line.Until is { IsDuration: true, Longest: { } most } until && (longest ? most : until.Expected) is { } length
            && line.Days?.Listed is [var first] && line.Days.Ranges.Length == 1 && line.Days.Ranges[0].To is null
            ? [.. Enumerable.Range(first, Math.Min(length, most))]
            : null;

    /// <summary>The last day of the expected course of a line with a lab- or event-driven duration; null for any other line.</summary>
    public int? LastExpectedDay => UntilCourse(Line, longest: false) is [.., var last] ? last : null;

    /// <summary>The line this one is timed from (<c>30 min before rituximab</c>), resolved within its cycle or phase.</summary>
    public BoundAnchor? Anchor { get; init; }

    /// <summary>Where a finding about the line's days points: its days clause, or what stands for it.</summary>
    public Text.SourceSpan DaysSpan => Line.Days?.Span ?? Line.Timing?.Span ?? Line.Frequency?.Span ?? Line.Dose?.Span ?? Line.Drug.Span;
}

/// <summary>
/// The timing of a line from another (<see cref="Syntax"/>), with the lines of the same cycle or phase it may be
/// timed from: the line named by the label, or every line of the drug named (which one gives it on a day is
/// decided day by day; the checker reports a day with none or with two).
/// </summary>
public sealed record BoundAnchor(TimingModifier Syntax, ImmutableArray<AdministrationLine> Candidates, bool ByLabel);

/// <summary>A <c>when</c> condition with its facts resolved; evaluated on a patient that gives every fact it names.</summary>
public abstract record BoundCondition(ConditionSyntax Syntax)
{
    /// <summary>Whether the condition holds; call only when <see cref="Facts"/> are all given.</summary>
    public abstract bool Holds(Patient patient);

    /// <summary>The facts the condition names, left to right (with repeats).</summary>
    public abstract IEnumerable<FactSymbol> Facts();

    /// <summary>The comparisons and flags of the condition, left to right (the checker builds scenarios from their thresholds).</summary>
    public abstract IEnumerable<BoundFactTest> Tests();
}

/// <summary>A leaf of a condition: a flag, or a fact compared with a number or a word.</summary>
public abstract record BoundFactTest(ConditionSyntax Syntax, FactSymbol Fact) : BoundCondition(Syntax)
{
    public override IEnumerable<FactSymbol> Facts() => [Fact];

    public override IEnumerable<BoundFactTest> Tests() => [this];
}

public sealed record BoundFlag(FactCondition Node, FactSymbol Fact) : BoundFactTest(Node, Fact)
{
    public override bool Holds(Patient patient) => Fact.Fact.Read(patient)?.Flag == true;
}

public sealed record BoundNumberComparison(ComparisonCondition Node, FactSymbol Fact, decimal Threshold) : BoundFactTest(Node, Fact)
{
    public override bool Holds(Patient patient) => Fact.Fact.Read(patient)?.Number is { } value && Node.Operator.Holds(value, Threshold);
}

public sealed record BoundWordComparison(ComparisonCondition Node, FactSymbol Fact, string Word) : BoundFactTest(Node, Fact)
{
    public override bool Holds(Patient patient)
    {
        bool equal = string.Equals(Fact.Fact.Read(patient)?.Word, Word, StringComparison.OrdinalIgnoreCase);
        return Node.Operator == ComparisonOperator.NotEqual ? !equal : equal;
    }
}

public sealed record BoundNot(NotCondition Node, BoundCondition Operand) : BoundCondition(Node)
{
    public override bool Holds(Patient patient) => !Operand.Holds(patient);

    public override IEnumerable<FactSymbol> Facts() => Operand.Facts();

    public override IEnumerable<BoundFactTest> Tests() => Operand.Tests();
}

public sealed record BoundAll(ConditionSyntax Node, ImmutableArray<BoundCondition> Operands) : BoundCondition(Node)
{
    public override bool Holds(Patient patient) => Operands.All(o => o.Holds(patient));

    public override IEnumerable<FactSymbol> Facts() => Operands.SelectMany(o => o.Facts());

    public override IEnumerable<BoundFactTest> Tests() => Operands.SelectMany(o => o.Tests());
}

public sealed record BoundAny(ConditionSyntax Node, ImmutableArray<BoundCondition> Operands) : BoundCondition(Node)
{
    public override bool Holds(Patient patient) => Operands.Any(o => o.Holds(patient));

    public override IEnumerable<FactSymbol> Facts() => Operands.SelectMany(o => o.Facts());

    public override IEnumerable<BoundFactTest> Tests() => Operands.SelectMany(o => o.Tests());
}

/// <summary>A plan sequence with its cycles resolved and its counts known.</summary>
public abstract record BoundSequence(SequenceSyntax Syntax);

public sealed record BoundCycleStep(CycleReference Node, CycleSymbol Cycle) : BoundSequence(Node);

public sealed record BoundThen(ThenSequence Node, ImmutableArray<BoundSequence> Items) : BoundSequence(Node);

public sealed record BoundRepeat(RepeatSequence Node, BoundSequence Item, int Count) : BoundSequence(Node);

public sealed record BoundRest(RestSequence Node, int Days) : BoundSequence(Node);

/// <summary>A plan branch: <see cref="Then"/> for a patient for whom the condition holds, else <see cref="Else"/> (nothing when null).</summary>
public sealed record BoundBranch(BranchSequence Node, BoundCondition Condition, BoundSequence Then, BoundSequence? Else) : BoundSequence(Node);

/// <summary>
/// One bound of an open-ended course: a count of repeats, or a number of days (the plan layout turns it into whole repeats of
/// the item, whose length it knows).
/// </summary>
public sealed record CourseLength(int? Repeats, int? Days)
{
    public static CourseLength Of(CourseBound bound)
    {
        int amount = (int)bound.Amount.Value;
        return bound.Unit switch
        {
            CourseUnit.Cycles => new CourseLength(amount, null),
            CourseUnit.Weeks => new CourseLength(null, amount * 7),
            CourseUnit.Years => new CourseLength(null, amount * 365),
            _ => new CourseLength(null, amount),
        };
    }
}

/// <summary>
/// An open-ended repeat (<c>repeat until progression (at least 5 years)</c>): the expected course, the shortest
/// (<see cref="AtLeast"/>) and the longest (<see cref="AtMost"/>), each optional but at least one given. The timeline shows
/// the expected course, else the shortest, else the longest; the checker checks the longest, and without one counts the
/// course as having no maximum (see <c>PlanLayout</c>).
/// </summary>
public sealed record BoundOpenRepeat(OpenRepeatSequence Node, BoundSequence Item, CourseLength? Expected, CourseLength? AtLeast, CourseLength? AtMost)
    : BoundSequence(Node)
{
    public string Until => Node.Event.Text;
}

public sealed record BoundPhase(PhaseSymbol Symbol, BoundSequence Sequence)
{
    public string Name => Symbol.Name;
}

/// <summary>
/// The plan with its phases bound. It can be laid out on the calendar only when <see cref="IsComplete"/>:
/// every line of it was read, every cycle it names exists, and every such cycle's length is known.
/// </summary>
public sealed record BoundPlan(PlanStatement Syntax, ImmutableArray<BoundPhase> Phases, bool IsComplete)
{
    /// <summary>The conditions of the plan's branches, outermost first (the checker builds scenarios from their facts).</summary>
    public ImmutableArray<BoundCondition> BranchConditions { get; } =
        [.. Phases.SelectMany(p => Descendants(p.Sequence)).OfType<BoundBranch>().Select(b => b.Condition)];

    /// <summary>Whether the plan has a branch: its layout may differ from one scenario to the next.</summary>
    public bool HasBranches => !BranchConditions.IsEmpty;

    /// <summary>A sequence and everything in it, in written order.</summary>
    public static IEnumerable<BoundSequence> Descendants(BoundSequence sequence)
    {
        var pending = new Stack<BoundSequence>();
        pending.Push(sequence);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            yield return next;
            IEnumerable<BoundSequence?> children = next switch
            {
                BoundThen then => then.Items.Cast<BoundSequence?>(),
                BoundRepeat repeat => [repeat.Item],
                BoundOpenRepeat open => [open.Item],
                BoundBranch branch => [branch.Then, branch.Else],
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }
}

/// <summary>A <c>limit</c> line of the regimen with its drug resolved.</summary>
public sealed record BoundLimit(LimitStatement Syntax, DrugEntry Drug);
