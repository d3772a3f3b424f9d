using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2010 and RL2011: a line timed from another needs, on each of its days, exactly one line of its cycle or phase
/// that gives the anchor that day. None listing the day is RL2010; two that can be given together (their cycle lists
/// meet and their conditions do not exclude each other) is RL2011. The evaluator refuses the same days.
/// </summary>
public sealed class TimingRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.AnchorNotGiven, DiagnosticCatalog.AmbiguousAnchor];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var cycle in context.Model.Cycles.Values.Where(c => c.LengthDays is not null))
        {
            CheckContainer(context, cycle.Lines, cycle.LengthDays!.Value, $"cycle '{cycle.Name}'", reported);
            CheckOrders(context, cycle.Orders, cycle.Lines, $"cycle '{cycle.Name}'");
        }
        foreach (var phase in context.Model.PhaseBlocks.Values)
        {
            var instances = context.Instances.Where(i => string.Equals(i.Phase, phase.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            int length = instances.Count == 0 ? 0 : instances[^1].StartDay + instances[^1].LengthDays - instances[0].StartDay;
            CheckContainer(context, phase.Lines, length, $"phase '{phase.Name}'", reported);
            CheckOrders(context, phase.Orders, phase.Lines, $"phase '{phase.Name}'");
        }
    }

    /// <summary>RL2010 for a timed order with days of its own: a day on which none of its anchor lines is listed.</summary>
    private static void CheckOrders(RuleContext context, IReadOnlyList<BoundOrder> orders, IReadOnlyList<BoundAdministration> lines, string container)
    {
        foreach (var order in orders.Where(o => o.Line.Timing is not null && o.Line.Days is not null))
        {
            var anchorDays = lines.Where(l => order.Anchors.Contains(l.Line, ReferenceEqualityComparer.Instance)).SelectMany(l => l.ListedDays).ToHashSet();
            var timing = order.Line.Timing!;
            foreach (int day in order.ListedDays.Where(d => !anchorDays.Contains(d)).Take(1))
            {
                context.Report(Diagnose.AnchorNotGiven(timing.Anchor.Span, timing.Anchor.Text, day, container));
            }
        }
    }

    private static void CheckContainer(RuleContext context, IReadOnlyList<BoundAdministration> lines, int length, string container, HashSet<AdministrationLine> reported)
    {
        if (!lines.Any(l => l.Anchor is not null))
        {
            return;
        }
        var byLine = new Dictionary<AdministrationLine, BoundAdministration>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        {
            byLine.TryAdd(line.Line, line);
        }
        var days = new Dictionary<AdministrationLine, HashSet<int>>(ReferenceEqualityComparer.Instance);
        HashSet<int> DaysOf(BoundAdministration line)
        {
            if (!days.TryGetValue(line.Line, out var set))
            {
                set = line.Anchor is not null || length == 0
                    ? [.. line.ListedDays]
                    : [.. Schedule.Doses(line, length, 8 * 60, new DiagnosticBag(""))?.Select(d => d.Day) ?? line.ListedDays];
                days[line.Line] = set;
            }
            return set;
        }

        foreach (var timed in lines.Where(l => l.Anchor is not null && !reported.Contains(l.Line)))
        {
            var anchor = timed.Anchor!;
            var candidates = anchor.Candidates.Select(c => byLine.GetValueOrDefault(c)).OfType<BoundAdministration>().ToList();
            foreach (int day in timed.ListedDays)
            {
                var giving = candidates.Where(c => DaysOf(c).Contains(day)).ToList();
                if (giving.Count == 0)
                {
                    context.Report(Diagnose.AnchorNotGiven(anchor.Syntax.Anchor.Span, anchor.Syntax.Anchor.Text, day, container));
                    reported.Add(timed.Line);
                    break;
                }
                if (Together(context, giving) is { } pair)
                {
                    string relation = anchor.Syntax.Relation == TimingRelation.Before ? "before" : "after";
                    context.Report(Diagnose.AmbiguousAnchor(anchor.Syntax.Anchor.Span, [pair.A.Line.Span.Line, pair.B.Line.Span.Line], anchor.Syntax.Anchor.Text, day, container, relation)
                        .WithRelated(context.At(pair.A.Line, "one line"), context.At(pair.B.Line, "the other line")));
                    reported.Add(timed.Line);
                    break;
                }
            }
        }
    }

    /// <summary>Two of the lines that may be given together (their cycle lists meet, and no condition excludes the other).</summary>
    private static (BoundAdministration A, BoundAdministration B)? Together(RuleContext context, List<BoundAdministration> giving)
    {
        for (int i = 0; i < giving.Count; i++)
        {
            for (int j = i + 1; j < giving.Count; j++)
            {
                var (a, b) = (giving[i], giving[j]);
                bool cyclesMeet = a.Line.Cycles is null || b.Line.Cycles is null
                    || Enumerable.Range(1, 1000).Any(n => a.Line.Cycles.Includes(n) && b.Line.Cycles.Includes(n));
                if (cyclesMeet && context.BothApply(a, b) is not null)
                {
                    return (a, b);
                }
            }
        }
        return null;
    }
}
