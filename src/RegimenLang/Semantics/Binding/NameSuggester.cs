using RegimenLang.Text;

namespace RegimenLang.Semantics.Binding;

/// <summary>"Did you mean" suggestions by edit distance, case-insensitive.</summary>
public static class NameSuggester
{
    /// <summary>Up to three known names close to <paramref name="name"/>, closest first.</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates, int max = 3)
    {
        int threshold = Math.Max(1, Math.Min(3, name.Length / 3));
        string lower = name.ToLowerInvariant();
        return [.. candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: EditDistance.Between(lower, c.ToLowerInvariant())))
            .Where(c => c.Distance <= threshold)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(c => c.Name)];
    }
}
