using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Binds the <c>order</c> lines of a cycle or phase block (with the blocks it includes): each condition once per line,
/// and each timing's anchor among the container's administrations, as for a timed administration (a label given with
/// <c>as</c>, else the lines of the drug named; RL1021 when it names none). Orders are not anchors themselves.
/// </summary>
internal sealed class OrderBinder(BindingContext context, ConditionBinder conditions)
{
    private readonly Dictionary<OrderLine, (bool Complete, BoundCondition? When)> _conditions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourceSpan> _reported = [];

    /// <summary>Binds the condition of every order of the file once, wherever it stands (an unused block's too, so its facts count as used).</summary>
    public void BindConditions(RegimenDocument document)
    {
        foreach (var order in document.DescendantsAndSelf().OfType<OrderLine>())
        {
            var when = order.When is { } w ? (order.HasErrors ? conditions.BindQuietly(w.Condition) : conditions.Bind(w.Condition)) : null;
            _conditions[order] = (order.IsComplete && (order.When is null || when is not null), when);
        }
    }

    public ImmutableArray<BoundOrder> Bind(ImmutableArray<BodyLine> body, ImmutableArray<BoundAdministration> lines, string kind, string name)
    {
        var result = ImmutableArray.CreateBuilder<BoundOrder>();
        foreach (var (order, via) in Orders(body))
        {
            if (!_conditions.TryGetValue(order, out var bound) || !bound.Complete)
            {
                continue;
            }
            if (order.Timing is not { } timing)
            {
                result.Add(new BoundOrder(order, bound.When, [], order.Days!.Listed, via));
                continue;
            }
            var anchors = Anchors(timing.Anchor, lines);
            if (anchors.IsEmpty)
            {
                if (_reported.Add(timing.Anchor.Span) && !context.MentionedInErrors.Contains(timing.Anchor.Text)
                    && !context.NamesOnIncompleteLines.Contains(timing.Anchor.Text))
                {
                    var names = lines.Select(l => l.Line.Label?.Name.Text).OfType<string>().Concat(lines.Select(l => l.DrugName)).Distinct(StringComparer.OrdinalIgnoreCase);
                    context.Diagnostics.Add(Diagnose.UnknownAnchor(timing.Anchor.Span, timing.Anchor.Text, kind, name, NameSuggester.Suggest(timing.Anchor.Text, names)));
                }
                continue;
            }
            var days = order.Days?.Listed
                ?? [.. lines.Where(l => anchors.Contains(l.Line, ReferenceEqualityComparer.Instance)).SelectMany(l => l.ListedDays).Distinct().Order()];
            result.Add(new BoundOrder(order, bound.When, anchors, days, via));
        }
        return result.ToImmutable();
    }

    /// <summary>The lines labelled with the anchor's name, else the lines of the drug it names.</summary>
    private ImmutableArray<AdministrationLine> Anchors(Identifier anchor, ImmutableArray<BoundAdministration> lines)
    {
        var labelled = lines.Where(l => string.Equals(l.Line.Label?.Name.Text, anchor.Text, StringComparison.OrdinalIgnoreCase)).Select(l => l.Line).Distinct(ReferenceEqualityComparer.Instance).ToList();
        if (labelled.Count > 0)
        {
            return [.. labelled.Cast<AdministrationLine>().Take(1)];
        }
        var drugs = lines.Where(l => string.Equals(l.DrugName, anchor.Text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Line.Drug.Text, anchor.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (drugs.Count > 0 && drugs[0].Drug is { } drug && context.ResolveDrugQuietly(drug) is { } symbol)
        {
            context.Record(anchor, symbol);
        }
        return [.. drugs.Select(l => l.Line).Distinct(ReferenceEqualityComparer.Instance).Cast<AdministrationLine>()];
    }

    /// <summary>The orders of a body with those of the blocks it includes, in written order (each block once: a circle of includes is reported elsewhere).</summary>
    private IEnumerable<(OrderLine Order, string? Via)> Orders(ImmutableArray<BodyLine> body)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<(IEnumerator<BodyLine> Lines, string? Via)>();
        pending.Push((((IEnumerable<BodyLine>)body).GetEnumerator(), null));
        int count = 0;
        while (pending.Count > 0 && count < Binder.MaxLinesPerCycle)
        {
            var (enumerator, via) = pending.Peek();
            if (!enumerator.MoveNext())
            {
                pending.Pop();
                continue;
            }
            switch (enumerator.Current)
            {
                case OrderLine order:
                    count++;
                    yield return (order, via);
                    break;
                case IncludeLine include when context.Blocks.TryGetValue(include.Block.Text, out var block) && visited.Add(block.Name):
                    pending.Push((((IEnumerable<BodyLine>)block.Syntax.Body).GetEnumerator(), block.Name));
                    break;
            }
        }
    }
}
