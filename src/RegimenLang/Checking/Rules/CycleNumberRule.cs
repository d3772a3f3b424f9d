using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2004: an <c>in cycle(s)</c> or <c>from cycle</c> number at which the line's cycle never runs in
/// its phase. RL2005: a cycle of a phase that gets none of a drug which the same cycle gets in the
/// instances before and after it (a missing override in the cycle lists).
/// </summary>
public sealed class CycleNumberRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CycleNotInPhase, DiagnosticCatalog.CycleGap];

    public void Check(RuleContext context)
    {
        var instances = context.Instances.Where(i => !i.IsRest).ToList();
        if (instances.Count == 0)
        {
            return;
        }
        CheckReachable(context, instances);
        CheckGaps(context, instances);
    }

    private static void CheckReachable(RuleContext context, List<Evaluation.CycleInstance> instances)
    {
        // For each line with a cycle list: the phase cycle numbers its cycles run at, and the length of those phases.
        var runs = new Dictionary<AdministrationLine, (SortedSet<int> At, int PhaseLength, SortedSet<string> Cycles)>(ReferenceEqualityComparer.Instance);
        foreach (var (cycle, administration) in context.LinesByCycle)
        {
            var line = administration.Line;
            if (line.Cycles is null)
            {
                continue;
            }
            if (!runs.TryGetValue(line, out var entry))
            {
                entry = ([], 0, new SortedSet<string>(StringComparer.Ordinal));
            }
            var mine = instances.Where(i => string.Equals(i.CycleName, cycle.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var phases = mine.Select(i => i.Phase).ToHashSet(StringComparer.Ordinal);
            int phaseLength = instances.Where(i => phases.Contains(i.Phase)).Select(i => i.PhaseCycle).DefaultIfEmpty(0).Max();
            entry.At.UnionWith(mine.Select(i => i.PhaseCycle));
            entry.Cycles.Add(cycle.Name);
            runs[line] = (entry.At, Math.Max(entry.PhaseLength, phaseLength), entry.Cycles);
        }
        foreach (var (line, (at, phaseLength, cycles)) in runs)
        {
            var selector = line.Cycles!;
            string names = string.Join("', '", cycles);
            string written = selector.From
                ? $"from cycle {selector.Ranges[0].From.Text}"
                : (selector.Plural ? "in cycles " : "in cycle ") + string.Join(", ", selector.Ranges.Select(r => r.To is null ? r.From.Text : $"{r.From.Text}-{r.To.Text}"));
            int highest = selector.From ? selector.Ranges[0].First : selector.Ranges.Max(r => Math.Max(r.First, r.Last));
            if (highest > phaseLength)
            {
                context.Report(DiagnosticCatalog.CycleNotInPhase, selector.Span,
                    $"'{written}' goes beyond the phase: the phase of '{names}' has {phaseLength} cycle{(phaseLength == 1 ? "" : "s")}");
            }
            else if (!at.Any(selector.Includes))
            {
                context.Report(DiagnosticCatalog.CycleNotInPhase, selector.Span,
                    $"'{written}' never applies: '{names}' only runs as cycle {Join(at)} of its phase, so the line is never given");
            }
        }
    }

    private static void CheckGaps(RuleContext context, List<Evaluation.CycleInstance> instances)
    {
        var reported = new HashSet<(string, string, string)>();
        foreach (var phase in instances.GroupBy(i => i.Phase))
        {
            foreach (var sameCycle in phase.GroupBy(i => i.CycleName, StringComparer.OrdinalIgnoreCase))
            {
                var ordered = sameCycle.OrderBy(i => i.PhaseCycle).ToList();
                if (ordered.Count < 3 || context.Regimen.FindCycle(sameCycle.Key) is not { } cycle)
                {
                    continue;
                }
                foreach (var drug in cycle.Administrations.Where(a => a.Line.Cycles is not null).GroupBy(a => a.DrugName, StringComparer.OrdinalIgnoreCase))
                {
                    // Whether any line of the drug (ignoring conditions) is given in each instance of this cycle.
                    var given = ordered.Select(i => cycle.Administrations.Any(a =>
                        string.Equals(a.DrugName, drug.Key, StringComparison.OrdinalIgnoreCase) && (a.Line.Cycles?.Includes(i.PhaseCycle) ?? true))).ToList();
                    for (int k = 1; k < ordered.Count - 1; k++)
                    {
                        int before = given.FindLastIndex(k - 1, g => g);
                        int after = given.FindIndex(k + 1, g => g);
                        if (!given[k] && before >= 0 && after >= 0 && reported.Add((phase.Key, cycle.Name, drug.Key)))
                        {
                            var at = drug.First(a => a.Line.Cycles is not null).Line.Cycles!;
                            context.Report(DiagnosticCatalog.CycleGap, at.Span, phase.Key, ordered[k].PhaseCycle, cycle.Name, drug.Key,
                                ordered[before].PhaseCycle, ordered[after].PhaseCycle);
                        }
                    }
                }
            }
        }
    }

    private static string Join(IEnumerable<int> numbers)
    {
        var list = numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
