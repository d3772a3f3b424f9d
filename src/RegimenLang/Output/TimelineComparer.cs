using System.Collections.Immutable;

namespace RegimenLang.Output;

/// <summary>
/// Compares two timeline digests as a reviewer would. Administrations are paired in passes, each on what is left
/// by the one before: the same dose at the same date and time (unchanged); the same drug and route at the same date
/// and time (re-dosed); the same drug, route and dose elsewhere (moved, paired in clock order, so days 1-3 becoming
/// 2-4 reads as day 1 moved to day 4); the same drug and route on the same date (re-dosed at another time). What is
/// left is added or removed. The cycle an administration belongs to is shown but not compared: a renumbered plan
/// whose doses fall on the same dates changes nothing for the patient.
/// </summary>
public static class TimelineComparer
{
    public static TimelineDiff Compare(TimelineDigest old, TimelineDigest @new, string oldName, string newName)
    {
        var olds = old.Administrations.OrderBy(a => a.Date).ThenBy(a => a.Time).ToList();
        var news = @new.Administrations.OrderBy(a => a.Date).ThenBy(a => a.Time).ToList();
        var changes = new List<AdministrationChange>();

        Pair(olds, news, a => (a.Date, a.Time, a.What, a.Prescribed, a.Amount, a.Duration), null, changes);
        Pair(olds, news, a => (a.Date, a.Time, a.What), AdministrationChangeKind.Redosed, changes);
        Pair(olds, news, a => (a.What, a.Prescribed, a.Amount, a.Duration), AdministrationChangeKind.Moved, changes);
        Pair(olds, news, a => (a.Date, a.What), AdministrationChangeKind.Redosed, changes);
        changes.AddRange(olds.Select(a => new AdministrationChange(AdministrationChangeKind.Removed, a, null)));
        changes.AddRange(news.Select(a => new AdministrationChange(AdministrationChangeKind.Added, null, a)));

        var ordered = changes.OrderBy(c => c.At.Date).ThenBy(c => c.At.Time).ThenBy(c => c.At.Drug, StringComparer.Ordinal).ThenBy(c => c.Kind);
        ImmutableArray<DigestFinding>? appeared = null, disappeared = null;
        if (old.Findings is { } oldFindings && @new.Findings is { } newFindings)
        {
            appeared = Without(newFindings, oldFindings);
            disappeared = Without(oldFindings, newFindings);
        }
        return new TimelineDiff(oldName, newName, @new.Patient, [.. ordered], Totals(old.CycleTotals, @new.CycleTotals), Totals(old.PlanTotals, @new.PlanTotals),
            appeared, disappeared, old.Administrations.Length, @new.Administrations.Length);
    }

    /// <summary>Pairs what is left of both lists by key, in order; a pair is a change of <paramref name="kind"/> (null: unchanged) and leaves the lists.</summary>
    private static void Pair<TKey>(List<DigestAdministration> olds, List<DigestAdministration> news, Func<DigestAdministration, TKey> key,
        AdministrationChangeKind? kind, List<AdministrationChange> changes)
        where TKey : notnull
    {
        var waiting = new Dictionary<TKey, Queue<int>>();
        for (int i = 0; i < news.Count; i++)
        {
            var k = key(news[i]);
            if (!waiting.TryGetValue(k, out var queue))
            {
                waiting[k] = queue = new Queue<int>();
            }
            queue.Enqueue(i);
        }
        var pairedOld = new HashSet<int>();
        var pairedNew = new HashSet<int>();
        for (int i = 0; i < olds.Count; i++)
        {
            if (waiting.TryGetValue(key(olds[i]), out var queue) && queue.TryDequeue(out int j))
            {
                pairedOld.Add(i);
                pairedNew.Add(j);
                if (kind is { } k)
                {
                    changes.Add(new AdministrationChange(k, olds[i], news[j]));
                }
            }
        }
        Remove(olds, pairedOld);
        Remove(news, pairedNew);
    }

    private static void Remove(List<DigestAdministration> list, HashSet<int> indices)
    {
        int kept = 0;
        for (int i = 0; i < list.Count; i++)
        {
            if (!indices.Contains(i))
            {
                list[kept++] = list[i];
            }
        }
        list.RemoveRange(kept, list.Count - kept);
    }

    /// <summary>The totals whose text differs, in the new timeline's order, then those only the old one has.</summary>
    private static ImmutableArray<TotalChange> Totals(ImmutableArray<DigestTotal> old, ImmutableArray<DigestTotal> @new)
    {
        var oldByKey = old.GroupBy(t => (t.Cycle, t.Drug)).ToDictionary(g => g.Key, g => g.First());
        var newKeys = new HashSet<(string?, string)>();
        var changes = ImmutableArray.CreateBuilder<TotalChange>();
        foreach (var total in @new)
        {
            var key = (total.Cycle, total.Drug);
            if (!newKeys.Add(key))
            {
                continue;
            }
            oldByKey.TryGetValue(key, out var before);
            if (before is null || !string.Equals(before.Text, total.Text, StringComparison.Ordinal))
            {
                changes.Add(new TotalChange(total.Cycle, total.Drug, before, total));
            }
        }
        foreach (var total in old.Where(t => !newKeys.Contains((t.Cycle, t.Drug))).DistinctBy(t => (t.Cycle, t.Drug)))
        {
            changes.Add(new TotalChange(total.Cycle, total.Drug, total, null));
        }
        return changes.ToImmutable();
    }

    /// <summary>The findings of <paramref name="these"/> not in <paramref name="others"/>, as multisets of their text.</summary>
    private static ImmutableArray<DigestFinding> Without(ImmutableArray<DigestFinding> these, ImmutableArray<DigestFinding> others)
    {
        var counts = others.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<DigestFinding>();
        foreach (var finding in these)
        {
            if (counts.TryGetValue(finding.Key, out int n) && n > 0)
            {
                counts[finding.Key] = n - 1;
            }
            else
            {
                result.Add(finding);
            }
        }
        return result.ToImmutable();
    }
}
