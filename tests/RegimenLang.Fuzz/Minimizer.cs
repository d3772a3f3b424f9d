using System.Diagnostics;

namespace RegimenLang.Fuzz;

/// <summary>
/// Shrinks a failing input by delta debugging: first whole lines, then characters, removing ever smaller
/// chunks while the input still fails the same way. Bounded in time and in tries, so a slow predicate
/// cannot stall the run; what is left when the budget runs out is still a failing input.
/// </summary>
public static class Minimizer
{
    public static string Minimize(string text, Func<string, bool> stillFails, TimeSpan budget, int maxTries = 2_000)
    {
        var clock = Stopwatch.StartNew();
        int tries = 0;
        bool Within() => clock.Elapsed < budget && tries < maxTries;
        bool Fails(string candidate)
        {
            tries++;
            return stillFails(candidate);
        }

        var lines = text.Split('\n').ToList();
        lines = Shrink(lines, c => Fails(string.Join("\n", c)), Within);
        var chars = string.Join("\n", lines).ToList();
        chars = Shrink(chars, c => Fails(new string([.. c])), Within);
        return new string([.. chars]);
    }

    /// <summary>ddmin's complement step: try without each chunk, halving the chunk size down to one item.</summary>
    private static List<T> Shrink<T>(List<T> items, Func<List<T>, bool> fails, Func<bool> within)
    {
        int chunk = Math.Max(1, items.Count / 2);
        while (chunk >= 1 && within())
        {
            bool removed = false;
            for (int start = 0; start < items.Count && within();)
            {
                var candidate = new List<T>(items.Count);
                candidate.AddRange(items.Take(start));
                candidate.AddRange(items.Skip(start + chunk));
                if (candidate.Count < items.Count && fails(candidate))
                {
                    items = candidate;
                    removed = true;
                }
                else
                {
                    start += chunk;
                }
            }
            if (!removed)
            {
                if (chunk == 1)
                {
                    break;
                }
                chunk /= 2;
            }
        }
        return items;
    }
}
