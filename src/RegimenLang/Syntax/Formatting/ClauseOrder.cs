using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// The canonical order of the modifiers of an administration line. The timing (<c>30 min before rituximab</c>)
/// is printed with the frequency, before the days; after the days come <c>prn</c> (as needed) or, on an order, <c>(weekdays)</c>, <c>until</c> (how long, or the dose after an event), <c>at</c> and <c>as</c> (when and under
/// which name the dose is given), then the dose modifiers in the order in which they act: <c>round to</c> before
/// <c>cap</c> (the dose is rounded, then capped, so a cap always holds), then <c>when</c>, <c>in cycle(s)</c> /
/// <c>from cycle</c> and <c>note</c>. Each modifier appears at most once, so the sort is total.
/// </summary>
public static class ClauseOrder
{
    public static int Rank(ModifierSyntax modifier) => modifier switch
    {
        TimingModifier or OrderTiming => 0,
        AsNeededModifier or WeekdaysModifier => 1,
        UntilModifier => 2,
        AtModifier => 2,
        LabelModifier => 3,
        RoundModifier => 4,
        CapModifier => 5,
        WhenModifier => 6,
        CycleSelector => 7,
        NoteModifier => 8,
        _ => 9,
    };

    /// <summary>The modifiers in canonical order (stable: equal ranks keep their written order).</summary>
    public static IEnumerable<ModifierSyntax> Sort(IEnumerable<ModifierSyntax> modifiers) => modifiers.OrderBy(Rank);
}
