using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// The canonical order of the modifiers of an administration line: the order in which they act.
/// <c>round to</c> comes before <c>cap</c> (the dose is rounded, then capped, so a cap always holds),
/// then <c>when</c>, <c>in cycle(s)</c> / <c>from cycle</c> and <c>note</c>. Each modifier appears at
/// most once, so the sort is total.
/// </summary>
public static class ClauseOrder
{
    public static int Rank(ModifierSyntax modifier) => modifier switch
    {
        RoundModifier => 0,
        CapModifier => 1,
        WhenModifier => 2,
        CycleSelector => 3,
        NoteModifier => 4,
        _ => 5,
    };

    /// <summary>The modifiers in canonical order (stable: equal ranks keep their written order).</summary>
    public static IEnumerable<ModifierSyntax> Sort(IEnumerable<ModifierSyntax> modifiers) => modifiers.OrderBy(Rank);
}
