namespace RegimenLang.Text;

/// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions (a common typo).</summary>
public static class EditDistance
{
    /// <summary>The distance, or <see cref="int.MaxValue"/> when the lengths differ by more than 3 (never a typo of each other).</summary>
    public static int Between(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }
        // Three rows of the table (the transposition looks two rows back) instead of the whole table: suggestions
        // compare every unknown name with every known one, so this runs many times and must not allocate.
        int width = b.Length + 1;
        Span<int> rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (int j = 0; j < width; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
