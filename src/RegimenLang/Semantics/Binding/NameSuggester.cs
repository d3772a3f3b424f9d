namespace RegimenLang.Semantics.Binding;

/// <summary>"Did you mean" suggestions by edit distance, case-insensitive.</summary>
public static class NameSuggester
{
    /// <summary>Up to three known names close to <paramref name="name"/>, closest first.</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates, int max = 3)
    {
        int threshold = Math.Max(1, Math.Min(3, name.Length / 3));
        return [.. candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= threshold)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(c => c.Name)];
    }

    /// <summary>The suffix for a message: " (did you mean 'a' or 'b'?)", or empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var found = Suggest(name, candidates);
        return found.Count == 0
            ? ""
            : $" (did you mean {Syntax.Parsing.SyntaxErrors.JoinOr([.. found.Select(f => $"'{f}'")])}?)";
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions (a common typo).</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
