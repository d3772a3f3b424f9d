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

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var instances = context.Instances.Where(i => !i.IsRest).ToList();
        if (instances.Count == 0)
        {
            return;
        }
        // A cycle reached in any way the plan can go is reached: the cycles of every branch count.
        CheckReachable(context, [.. context.BranchLayouts.SelectMany(l => l.Instances).Where(i => !i.IsRest)]);
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
            var mine = instances.Where(i => ReferenceEquals(i.Symbol, cycle)).ToList();
            var phases = mine.Select(i => i.Phase).ToHashSet(StringComparer.Ordinal);
            int phaseLength = instances.Where(i => phases.Contains(i.Phase)).Select(i => i.PhaseCycle).DefaultIfEmpty(0).Max();
            entry.At.UnionWith(mine.Select(i => i.PhaseCycle));
            entry.Cycles.Add(cycle.Name);
            runs[line] = (entry.At, Math.Max(entry.PhaseLength, phaseLength), entry.Cycles);
        }
        foreach (var (line, (at, phaseLength, cycles)) in runs)
        {
            var selector = line.Cycles!;
            string written = Syntax.Formatting.SyntaxPrinter.Print(selector);
            int highest = selector.From ? selector.Ranges[0].First : selector.Ranges.Max(r => Math.Max(r.First, r.Last));
            if (highest > phaseLength)
            {
                context.Report(Diagnose.CycleBeyondPhase(selector.Span, written, cycles, phaseLength));
            }
            else if (!at.Any(selector.Includes))
            {
                context.Report(Diagnose.CycleNeverReached(selector.Span, written, cycles, at));
            }
        }
    }

    private static void CheckGaps(RuleContext context, List<Evaluation.CycleInstance> instances)
    {
        var reported = new HashSet<(string, string, string)>();
        foreach (var phase in instances.GroupBy(i => i.Phase))
        {
            foreach (var sameCycle in phase.Where(i => i.Symbol is not null).GroupBy(i => i.Symbol!))
            {
                var cycle = sameCycle.Key;
                var ordered = sameCycle.OrderBy(i => i.PhaseCycle).ToList();
                if (ordered.Count < 3)
                {
                    continue;
                }
                foreach (var drug in cycle.Lines.Where(a => a.Line.Cycles is not null && !context.Model.UncertainDrugs.Contains(a.DrugName))
                    .GroupBy(a => a.DrugName, StringComparer.OrdinalIgnoreCase))
                {
                    // Whether any line of the drug (ignoring conditions) is given in each instance of this cycle.
                    var given = ordered.Select(i => cycle.Lines.Any(a =>
                        string.Equals(a.DrugName, drug.Key, StringComparison.OrdinalIgnoreCase) && (a.Line.Cycles?.Includes(i.PhaseCycle) ?? true))).ToList();
                    if (EveryNthCycle(given))
                    {
                        continue;
                    }
                    for (int k = 1; k < ordered.Count - 1; k++)
                    {
                        int before = given.FindLastIndex(k - 1, g => g);
                        int after = given.FindIndex(k + 1, g => g);
                        if (!given[k] && before >= 0 && after >= 0 && reported.Add((phase.Key, cycle.Name, drug.Key)))
                        {
                            var at = drug.First(a => a.Line.Cycles is not null).Line.Cycles!;
                            context.Report(Diagnose.CycleGap(at.Span, phase.Key, ordered[k].PhaseCycle, cycle.Name, drug.Key,
                                ordered[before].PhaseCycle, ordered[after].PhaseCycle));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// A drug given every n-th instance from its first to the end of the phase (vitamin B12 every 3 cycles of pemetrexed: 1, 4, 7):
    /// a schedule, not a forgotten cycle.
    /// </summary>
    private static bool EveryNthCycle(List<bool> given)
    {
        var indices = given.Select((g, i) => (g, i)).Where(x => x.g).Select(x => x.i).ToList();
        if (indices.Count < 2)
        {
            return false;
        }
        int step = indices[1] - indices[0];
        return step >= 2 && indices.Zip(indices.Skip(1)).All(p => p.Second - p.First == step) && indices[^1] + step >= given.Count;
    }
}
