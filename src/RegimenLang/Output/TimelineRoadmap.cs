using System.Collections.Immutable;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>One row of a cycle band: a drug and route, its administrations by column (day of the cycle), and its total over the cycle.</summary>
public sealed record RoadmapRow(string Drug, string Route, ImmutableDictionary<int, ImmutableArray<int>> EntriesByDay, DrugTotal? Total)
{
    public string Label => $"{Drug} {Route}";
}

/// <summary>A cycle of a phase (or a rest), with its rows.</summary>
public sealed record RoadmapBand(int CycleIndex, CycleInstance Cycle, DateOnly First, DateOnly Last, ImmutableArray<RoadmapRow> Rows);

/// <summary>
/// A phase as a grid: one column per day of the cycle (from the earliest day a dose is given, day 0 or before, to the
/// longest cycle's last day or the latest dose), one band of rows per cycle.
/// </summary>
public sealed record RoadmapPhase(string Name, int FirstDay, int LastDay, ImmutableArray<RoadmapBand> Bands)
{
    public IEnumerable<int> Days => Enumerable.Range(FirstDay, LastDay - FirstDay + 1);
}

/// <summary>
/// Lays a timeline out as the roadmap of the HTML report: phases in plan order, each a grid of drugs by day of the
/// cycle with a band per cycle. A dose sits in the column of its day of the cycle as the timeline counts it (a treatment
/// day runs from the first-dose time to the same time the next day, so a 02:00 dose of a q6h line and a premedication
/// 30 min before an 08:00 infusion sit with their day). Day d of a cycle is dated day 1 + (d - 1): day 0 is the day
/// before day 1.
/// </summary>
public static class TimelineRoadmap
{
    public static ImmutableArray<RoadmapPhase> Build(Timeline timeline)
    {
        var p = timeline.Patient;
        var byCycle = timeline.Entries.Select((e, i) => (e, i)).ToLookup(x => x.e.CycleIndex);
        var totals = timeline.CycleTotals.ToLookup(t => t.CycleIndex!.Value);
        var phases = ImmutableArray.CreateBuilder<RoadmapPhase>();
        var bands = new List<RoadmapBand>();
        string? phase = null;

        void Close()
        {
            if (phase is null || bands.Count == 0)
            {
                return;
            }
            var days = bands.Where(b => !b.Cycle.IsRest).SelectMany(b => b.Rows).SelectMany(r => r.EntriesByDay.Keys).ToList();
            int first = Math.Min(1, days.DefaultIfEmpty(1).Min());
            int last = Math.Max(bands.Where(b => !b.Cycle.IsRest).Select(b => b.Cycle.LengthDays).DefaultIfEmpty(1).Max(), days.DefaultIfEmpty(1).Max());
            phases.Add(new RoadmapPhase(phase, first, last, [.. bands]));
            bands.Clear();
        }

        for (int c = 0; c < timeline.Cycles.Length; c++)
        {
            var cycle = timeline.Cycles[c];
            if (cycle.Phase != phase)
            {
                Close();
                phase = cycle.Phase;
            }
            var first = p.Start.AddDays(cycle.StartDay);
            var rows = new List<(string Drug, string Route, Dictionary<int, List<int>> Days)>();
            foreach (var (e, index) in byCycle[c])
            {
                string route = TimelineText.Routes(e);
                var row = rows.FirstOrDefault(r => r.Drug == e.Drug && r.Route == route);
                if (row.Days is null)
                {
                    row = (e.Drug, route, new Dictionary<int, List<int>>());
                    rows.Add(row);
                }
                int day = e.CycleDay;
                if (!row.Days.TryGetValue(day, out var list))
                {
                    row.Days[day] = list = [];
                }
                list.Add(index);
            }
            var cycleTotals = totals[c].ToList();
            bands.Add(new RoadmapBand(c, cycle, first, first.AddDays(cycle.LengthDays - 1), [.. rows.Select(r => new RoadmapRow(r.Drug, r.Route,
                r.Days.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()),
                cycleTotals.FirstOrDefault(t => t.Drug == r.Drug && t.Intrathecal == (r.Route == "IT"))))]));
        }
        Close();
        return phases.ToImmutable();
    }
}
