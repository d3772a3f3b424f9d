using RegimenLang.Semantics.Binding;

namespace RegimenLang.Evaluation;

/// <summary>A line of a cycle instance that its <c>in cycle(s)</c> / <c>from cycle</c> qualifier lets through.</summary>
public readonly record struct GivenLine(int Index, CycleInstance Instance, CycleSymbol Cycle, BoundAdministration Administration);

public static class GivenLines
{
    /// <summary>
    /// Every (cycle instance, line) pair of the laid-out plan whose cycle qualifier admits it, in plan
    /// order. Conditions (<c>when</c>) are left to the caller: the evaluator reports missing facts, the
    /// checker tries scenarios.
    /// </summary>
    public static IEnumerable<GivenLine> Of(IReadOnlyList<CycleInstance> instances)
    {
        for (int index = 0; index < instances.Count; index++)
        {
            var instance = instances[index];
            if (instance.Symbol is not { } cycle)
            {
                continue;
            }
            foreach (var administration in cycle.Lines)
            {
                if (administration.Line.Cycles is { } selector && !selector.Includes(instance.PhaseCycle))
                {
                    continue;
                }
                yield return new GivenLine(index, instance, cycle, administration);
            }
        }
    }
}
