using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Binds the plan: present once, phases unique, every cycle it names known. A sequence that names an
/// unknown cycle does not bind (the plan is then incomplete and is not laid out, so nothing is counted
/// over a plan that does not exist). An unknown cycle is reported at its first use only: one missing
/// cycle is one finding, however often the plan names it.
/// </summary>
internal sealed class PlanBinder(BindingContext context, ConditionBinder conditions) : ISequenceVisitor<BoundSequence?>
{
    private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> UsedCycles { get; } = new(StringComparer.OrdinalIgnoreCase);

    public BoundPlan? Bind(RegimenDocument document, bool reportMissing)
    {
        var plans = document.Statements.OfType<PlanStatement>().ToList();
        if (plans.Count == 0)
        {
            if (reportMissing)
            {
                var at = document.Header?.Span ?? new Text.SourceSpan(0, 0, 1, 1);
                context.Diagnostics.Add(Diagnose.MissingPlan(at with { Length = 0 }));
            }
            return null;
        }
        foreach (var extra in plans.Skip(1))
        {
            context.Diagnostics.Add(Diagnose.DuplicatePlan(extra.Span with { Length = 4 }, plans[0].Span.Line));
        }
        var plan = plans[0];
        if (plan.Lines.Length == 0 && plan.HeaderSkipped.IsEmpty)
        {
            context.Diagnostics.Add(Diagnose.Empty(plan.Span with { Length = 4 }, "plan", "plan"));
        }

        var phases = new Dictionary<string, PhaseSymbol>(StringComparer.OrdinalIgnoreCase);
        var bound = ImmutableArray.CreateBuilder<BoundPhase>();
        bool complete = plan.HeaderSkipped.IsEmpty && plans.Count == 1;
        foreach (var line in plan.Lines)
        {
            if (line is not PhaseSyntax phase)
            {
                complete = false;
                continue;
            }
            var symbol = new PhaseSymbol(phase);
            context.Record(phase.Name, symbol);
            if (phases.TryGetValue(phase.Name.Text, out var earlier))
            {
                context.Diagnostics.Add(Diagnose.DuplicateName(phase.Name.Span, "phase", phase.Name.Text, earlier.Syntax.Name.Span.Line));
            }
            else
            {
                phases[phase.Name.Text] = symbol;
            }
            if (phase.Sequence.Accept(this) is { } sequence)
            {
                bound.Add(new BoundPhase(symbol, sequence));
            }
            else
            {
                complete = false;
            }
        }
        return new BoundPlan(plan, bound.ToImmutable(), complete);
    }

    public BoundSequence? VisitCycleReference(CycleReference node)
    {
        if (context.Cycles.TryGetValue(node.Name.Text, out var cycle))
        {
            context.Record(node.Name, cycle);
            UsedCycles.Add(cycle.Name);
            return cycle.LengthDays is null ? null : new BoundCycleStep(node, cycle);
        }
        if (!context.UnreadableCycle && !context.MentionedInErrors.Contains(node.Name.Text) && _unknown.Add(node.Name.Text))
        {
            context.Diagnostics.Add(Diagnose.UnknownCycle(node.Span, node.Name.Text, NameSuggester.Suggest(node.Name.Text, context.Cycles.Keys)));
        }
        return null;
    }

    public BoundSequence? VisitThen(ThenSequence node)
    {
        var items = node.Items.Select(i => i.Accept(this)).ToList();
        return items.All(i => i is not null) ? new BoundThen(node, [.. items.Select(i => i!)]) : null;
    }

    // Counts and rest lengths were checked by the parser (a line with a bad one is not a phase).
    public BoundSequence? VisitRepeat(RepeatSequence node) =>
        node.Item.Accept(this) is { } item ? new BoundRepeat(node, item, (int)node.Count.Value) : null;

    public BoundSequence? VisitParenthesizedSequence(ParenthesizedSequence node) => node.Inner.Accept(this);

    public BoundSequence? VisitRest(RestSequence node) => new BoundRest(node, node.Days);

    // Both sides and the condition are bound (each reports its own problems) before the branch is given up, so that an
    // unknown cycle in one side and an unknown input in the condition are both found at once.
    public BoundSequence? VisitBranch(BranchSequence node)
    {
        var then = node.Then.Accept(this);
        var condition = conditions.Bind(node.Condition);
        var otherwise = node.Else?.Accept(this);
        return then is not null && condition is not null && (node.Else is null || otherwise is not null)
            ? new BoundBranch(node, condition, then, otherwise)
            : null;
    }

    // The numbers were checked by the parser (a line with a bad one is not a phase).
    public BoundSequence? VisitOpenRepeat(OpenRepeatSequence node)
    {
        if (node.Item.Accept(this) is not { } item)
        {
            return null;
        }
        static CourseLength? Of(CourseBound? bound) => bound is null ? null : CourseLength.Of(bound);
        return new BoundOpenRepeat(node, item, Of(node.Expect), Of(node.AtLeast), Of(node.AtMost));
    }
}
