using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// The canonical order of the modifiers of an administration line. The timing (<c>30 min before rituximab</c>)
/// is printed with the frequency, before the days; after the days come <c>at</c> and <c>as</c> (when and under
/// which name the dose is given), then the dose modifiers in the order in which they act: <c>round to</c> before
/// <c>cap</c> (the dose is rounded, then capped, so a cap always holds), then <c>when</c>, <c>in cycle(s)</c> /
/// <c>from cycle</c> and <c>note</c>. Each modifier appears at most once, so the sort is total.
/// </summary>
public static class ClauseOrder
{
    public static int Rank(ModifierSyntax modifier) => modifier switch
    {
        TimingModifier or OrderTiming => 0,
        AtModifier => 1,
        LabelModifier => 2,
        RoundModifier => 3,
        CapModifier => 4,
        WhenModifier => 5,
        CycleSelector => 6,
        NoteModifier => 7,
        _ => 8,
    };

    /// <summary>The modifiers in canonical order (stable: equal ranks keep their written order).</summary>
    public static IEnumerable<ModifierSyntax> Sort(IEnumerable<ModifierSyntax> modifiers) => modifiers.OrderBy(Rank);
}
