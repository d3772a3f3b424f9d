using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Workspace;

/// <summary>A drug of the formulary by name or alias, or, when there is none, the names spelled like it.</summary>
public sealed record FormularyLookup(DrugEntry? Drug, IReadOnlyList<string> Suggestions)
{
    public static FormularyLookup Find(DrugFormulary formulary, string nameOrAlias)
    {
        string name = nameOrAlias.Trim();
        return formulary.Find(name) is { } drug ? new(drug, []) : new(null, NameSuggester.Suggest(name, formulary.AllNames));
    }

    /// <summary>The message for a name that is not a drug: with a "did you mean" when some name is close.</summary>
    public static string NotFound(string written, IReadOnlyList<string> suggestions) =>
        $"'{written}' is not a drug of the formulary" + (suggestions.Count > 0
            ? $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?"
            : "; 'regimen formulary' lists them all");
}
