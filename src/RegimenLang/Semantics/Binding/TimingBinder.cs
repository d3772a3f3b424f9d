using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Resolves the timings of the lines of one cycle or phase block (<c>30 min before rituximab</c>,
/// <c>after mtx-load ends</c>): each anchor is a label given with <c>as</c> in the same cycle or phase, else the
/// lines of the drug it names there. A line without days of its own takes the days of the lines it is timed from.
/// An anchor that names nothing (RL1021) or lines timed from each other in a circle (RL1022) leave the line out,
/// like a line that could not be read: the container is then incomplete and the plan-wide checks say nothing of it.
/// </summary>
internal sealed class TimingBinder(BindingContext context)
{
    private readonly HashSet<SourceSpan> _reported = [];
    private readonly Dictionary<Identifier, LabelSymbol> _labels = new(ReferenceEqualityComparer.Instance);

    /// <summary>The lines with their anchors and inherited days; lines that cannot be timed are left out (<paramref name="incomplete"/> is then set).</summary>
    public ImmutableArray<BoundAdministration> Resolve(ImmutableArray<BoundAdministration> lines, string kind, string name, ref bool incomplete)
    {
        if (!lines.Any(l => l.Line.Timing is not null || l.Line.Label is not null))
        {
            return lines;
        }

        var byLabel = new Dictionary<string, BoundAdministration>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (line.Line.Label is not { } label)
            {
                continue;
            }
            if (byLabel.TryGetValue(label.Name.Text, out var first) && !ReferenceEquals(first.Line, line.Line))
            {
                if (_reported.Add(label.Name.Span))
                {
                    context.Diagnostics.Add(Diagnose.DuplicateName(label.Name.Span, "label", label.Name.Text, first.Line.Label!.Name.Span.Line));
                }
                continue;
            }
            byLabel[label.Name.Text] = line;
            context.Record(label.Name, Label(label.Name, line.Line));
        }

        // Each timed line's candidates, by the syntax line (a block's line is one line in every cycle that includes it).
        var candidates = new Dictionary<AdministrationLine, (BoundAnchor Anchor, List<BoundAdministration> Lines)>(ReferenceEqualityComparer.Instance);
        var dropped = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        var unknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (line.Line.Timing is not { } timing || candidates.ContainsKey(line.Line))
            {
                continue;
            }
            string anchor = timing.Anchor.Text;
            List<BoundAdministration> found;
            bool byName = byLabel.TryGetValue(anchor, out var labelled);
            if (byName)
            {
                found = [labelled!];
                context.Record(timing.Anchor, Label(labelled!.Line.Label!.Name, labelled.Line));
            }
            else
            {
                found = [.. lines.Where(l => !ReferenceEquals(l.Line, line.Line) && IsDrug(l, anchor)).DistinctBy(l => l.Line, ReferenceEqualityComparer.Instance)];
                if (found.Count > 0 && found[0].Drug is { } drug && context.ResolveDrugQuietly(drug) is { } symbol)
                {
                    context.Record(timing.Anchor, symbol);
                }
            }
            if (found.Count == 0)
            {
                // One finding per name and container, at its first use; none when the name is on a line that could not be read.
                if (_reported.Add(timing.Anchor.Span) && unknown.Add(anchor)
                    && !context.MentionedInErrors.Contains(anchor) && !context.NamesOnIncompleteLines.Contains(anchor))
                {
                    var names = byLabel.Keys.Concat(lines.Select(l => l.DrugName)).Distinct(StringComparer.OrdinalIgnoreCase);
                    context.Diagnostics.Add(Diagnose.UnknownAnchor(timing.Anchor.Span, anchor, kind, name, NameSuggester.Suggest(anchor, names)));
                }
                dropped.Add(line.Line);
                continue;
            }
            candidates[line.Line] = (new BoundAnchor(timing, [.. found.Select(f => f.Line)], byName), found);
        }

        var order = TimingOrder(candidates, dropped);
        var inherited = new Dictionary<AdministrationLine, ImmutableArray<int>>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        {
            inherited.TryAdd(line.Line, line.ListedDays);
        }
        foreach (var timed in order)
        {
            if (timed.Days is null)
            {
                var (_, found) = candidates[timed];
                inherited[timed] = [.. found.SelectMany(f => inherited[f.Line]).Distinct().Order()];
            }
        }

        var result = ImmutableArray.CreateBuilder<BoundAdministration>(lines.Length);
        foreach (var line in lines)
        {
            if (dropped.Contains(line.Line))
            {
                incomplete = true;
                continue;
            }
            result.Add(candidates.TryGetValue(line.Line, out var entry)
                ? line with { Anchor = entry.Anchor, ListedDays = inherited[line.Line] }
                : line);
        }
        return result.ToImmutable();
    }

    private static bool IsDrug(BoundAdministration line, string name) =>
        string.Equals(line.DrugName, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(line.Line.Drug.Text, name, StringComparison.OrdinalIgnoreCase)
        || line.Drug?.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase) == true;

    private LabelSymbol Label(Identifier declaration, AdministrationLine line)
    {
        if (!_labels.TryGetValue(declaration, out var symbol))
        {
            symbol = new LabelSymbol(declaration, line);
            _labels[declaration] = symbol;
        }
        return symbol;
    }

    /// <summary>
    /// The timed lines, each after the timed lines it depends on (Kahn's algorithm, no recursion). Lines timed
    /// from each other in a circle are reported (RL1022) and added to <paramref name="dropped"/>, with every line
    /// that depends on them.
    /// </summary>
    private List<AdministrationLine> TimingOrder(
        Dictionary<AdministrationLine, (BoundAnchor Anchor, List<BoundAdministration> Lines)> candidates, HashSet<AdministrationLine> dropped)
    {
        var waitingOn = new Dictionary<AdministrationLine, int>(ReferenceEqualityComparer.Instance);
        var dependents = new Dictionary<AdministrationLine, List<AdministrationLine>>(ReferenceEqualityComparer.Instance);
        foreach (var (line, (_, found)) in candidates)
        {
            int count = 0;
            foreach (var anchor in found.Select(f => f.Line).Distinct(ReferenceEqualityComparer.Instance).Cast<AdministrationLine>())
            {
                if (dropped.Contains(anchor))
                {
                    dropped.Add(line);
                }
                if (candidates.ContainsKey(anchor))
                {
                    count++;
                    if (!dependents.TryGetValue(anchor, out var list))
                    {
                        dependents[anchor] = list = [];
                    }
                    list.Add(line);
                }
            }
            waitingOn[line] = count;
        }
        var ready = new Queue<AdministrationLine>(waitingOn.Where(kv => kv.Value == 0).Select(kv => kv.Key));
        var order = new List<AdministrationLine>();
        while (ready.Count > 0)
        {
            var line = ready.Dequeue();
            order.Add(line);
            foreach (var dependent in dependents.GetValueOrDefault(line) ?? [])
            {
                if (--waitingOn[dependent] == 0)
                {
                    ready.Enqueue(dependent);
                }
            }
        }
        // What Kahn's algorithm leaves is the circles and the lines timed from them: one finding per circle, at its first line.
        var inCircle = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var stuck in waitingOn.Where(kv => kv.Value > 0).Select(kv => kv.Key).OrderBy(l => l.Span.Start))
        {
            dropped.Add(stuck);
            var circle = Circle(stuck, candidates);
            if (circle.Count > 0 && ReferenceEquals(circle[0], stuck) && !inCircle.Contains(stuck))
            {
                inCircle.UnionWith(circle);
                var timing = stuck.Timing!;
                if (_reported.Add(timing.Anchor.Span))
                {
                    context.Diagnostics.Add(Diagnose.AnchorCircle(timing.Anchor.Span, circle.Append(stuck).Select(Describe)));
                }
            }
        }
        // A line timed from a dropped one cannot be timed either.
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (line, (_, found)) in candidates)
            {
                if (!dropped.Contains(line) && found.Any(f => dropped.Contains(f.Line)))
                {
                    dropped.Add(line);
                    changed = true;
                }
            }
        }
        return [.. order.Where(l => !dropped.Contains(l))];
    }

    /// <summary>The circle <paramref name="start"/> is on, from it (empty when it only depends on a circle).</summary>
    private static List<AdministrationLine> Circle(AdministrationLine start, Dictionary<AdministrationLine, (BoundAnchor Anchor, List<BoundAdministration> Lines)> candidates)
    {
        var path = new List<AdministrationLine> { start };
        var current = start;
        while (path.Count <= candidates.Count && candidates.TryGetValue(current, out var entry))
        {
            var next = entry.Lines.Select(l => l.Line).FirstOrDefault(candidates.ContainsKey);
            if (next is null)
            {
                break;
            }
            if (ReferenceEquals(next, start))
            {
                return path;
            }
            if (path.Any(l => ReferenceEquals(l, next)))
            {
                return [];
            }
            path.Add(next);
            current = next;
        }
        return [];
    }

    private static string Describe(AdministrationLine line) => line.Label?.Name.Text ?? $"{line.Drug.Text} (line {line.Span.Line})";
}
