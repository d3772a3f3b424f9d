using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Formatting;

/// <summary>
/// The canonical order of the modifiers of an administration line (LANGUAGE.md §5): cap, round to,
/// when, in cycle(s) / from cycle, note. Each modifier appears at most once, so the sort is total.
/// </summary>
public static class ClauseOrder
{
    public static int Rank(ModifierSyntax modifier) => modifier switch
    {
        CapModifier => 0,
        RoundModifier => 1,
        WhenModifier => 2,
        CycleSelector => 3,
        NoteModifier => 4,
        _ => 5,
    };

    /// <summary>The modifiers in canonical order (stable: equal ranks keep their written order).</summary>
    public static IEnumerable<ModifierSyntax> Sort(IEnumerable<ModifierSyntax> modifiers) => modifiers.OrderBy(Rank);
}
