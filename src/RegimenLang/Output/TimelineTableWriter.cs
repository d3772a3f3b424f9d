using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>
/// The human view of a timeline (and the golden format of <c>regimen snapshot</c>): a header with the
/// patient, then each cycle under its heading with its administrations grouped by calendar date, then
/// totals per drug per cycle and cumulative for the plan. Plain ASCII, columns aligned across the whole
/// timeline so a diff of two versions lines up.
/// </summary>
public static class TimelineTableWriter
{
    public static string Write(Timeline timeline)
    {
        var p = timeline.Patient;
        var output = new StringBuilder();
        output.Append("regimen: ").Append(timeline.Title).Append('\n');
        output.Append("id: ").Append(timeline.Id).Append('\n');
        output.Append("file: ").Append(Path.GetFileName(timeline.File)).Append('\n');
        output.Append("patient: ").Append(TimelineText.Patient(p)).Append('\n');
        if (TimelineText.DoseLevels(timeline) is { } levels)
        {
            output.Append("dose levels: ").Append(levels).Append('\n');
        }
        foreach (string record in TimelineText.AsGiven(timeline))
        {
            output.Append("as given: ").Append(record).Append('\n');
        }
        output.Append("start: ").Append(TimelineText.Date(p.Start)).Append(", first dose ").Append(TimelineTreeBuilder.Time(p.FirstDoseTime)).Append('\n');
        output.Append("amounts: computed doses, rounded to 3 decimals for display; totals are exact sums\n");
        if (TimelineText.OpenEndedNote(timeline) is { } open)
        {
            output.Append("open-ended: ").Append(open).Append('\n');
        }
        if (!timeline.Findings.IsEmpty)
        {
            output.Append("\nFINDINGS (printed with --allow-errors: this timeline has errors and must not be used as it is)\n");
            foreach (var finding in timeline.Findings)
            {
                output.Append("  ").Append(finding).Append('\n');
            }
        }

        var rows = timeline.Entries.Select(TimelineText.Row).ToList();
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        const int AmountColumn = 5;

        var byCycle = timeline.Entries.Select((e, i) => (e, i)).ToLookup(x => x.e.CycleIndex);
        var ordersByCycle = timeline.Orders.ToLookup(o => o.CycleIndex);
        for (int c = 0; c < timeline.Cycles.Length; c++)
        {
            var cycle = timeline.Cycles[c];
            output.Append('\n').Append("== ").Append(TimelineText.CycleHeading(cycle, p.Start, byCycle[c].Select(x => x.e))).Append('\n');
            if (cycle.IsRest)
            {
                continue;
            }
            // Orders join the administrations in clock order (after those at the same moment); they are not doses.
            var items = byCycle[c].Select(x => (When: x.e.When, Entry: (TimelineEntry?)x.e, Index: x.i, Order: (TimelineOrder?)null))
                .Concat(ordersByCycle[c].Select(o => (When: o.When, Entry: (TimelineEntry?)null, Index: -1, Order: (TimelineOrder?)o)))
                .OrderBy(x => x.When).ThenBy(x => x.Order is null ? 0 : 1).ToList();
            if (items.Count == 0)
            {
                output.Append("  (no administrations for this patient)\n");
                continue;
            }
            DateOnly? date = null;
            foreach (var (when, _, index, order) in items)
            {
                var day = DateOnly.FromDateTime(when);
                if (day != date)
                {
                    date = day;
                    output.Append("  ").Append(TimelineText.Date(day)).Append(" (plan day ").Append(day.DayNumber - p.Start.DayNumber + 1).Append(")\n");
                }
                if (order is not null)
                {
                    var cells = TimelineText.OrderRow(order);
                    output.Append("    ").Append(cells[0].PadRight(columns > 0 ? widths[0] : 0)).Append("  ").Append(cells[1].PadRight(columns > 1 ? widths[1] : 0))
                        .Append("  ").Append(cells[2]).Append("  ").Append(cells[3]).Append('\n');
                    continue;
                }
                var row = rows[index];
                var line = new StringBuilder("    ");
                for (int k = 0; k < row.Length; k++)
                {
                    line.Append(k == AmountColumn ? row[k].PadLeft(widths[k]) : row[k].PadRight(widths[k])).Append("  ");
                }
                output.Append(line.ToString().TrimEnd()).Append('\n');
            }
        }

        int drugWidth = timeline.PlanTotals.Select(t => t.Label.Length).DefaultIfEmpty(0).Max();
        output.Append("\nTotals per cycle\n");
        foreach (var group in timeline.CycleTotals.GroupBy(t => t.CycleIndex!.Value))
        {
            output.Append("  ").Append(TimelineText.CycleLabel(timeline.Cycles[group.Key])).Append('\n');
            AppendTotals(output, [.. group], drugWidth);
        }
        output.Append("\nCumulative, whole plan\n");
        AppendTotals(output, [.. timeline.PlanTotals], drugWidth);
        if (!timeline.ClassTotals.IsEmpty)
        {
            output.Append('\n').Append(TimelineText.ClassTotalsHeading).Append(" (").Append(TimelineText.ClassTotalsNote).Append(")\n");
            foreach (var total in timeline.ClassTotals)
            {
                output.Append("  ").Append(TimelineText.ClassTotal(total)).Append('\n');
                foreach (var c in total.Contributions)
                {
                    output.Append("    ").Append(c.Drug.PadRight(drugWidth)).Append("  ").Append(TimelineText.ClassContribution(c)).Append('\n');
                }
            }
        }
        return output.ToString();
    }

    private static void AppendTotals(StringBuilder output, List<DrugTotal> totals, int width)
    {
        foreach (var total in totals)
        {
            output.Append("    ").Append(total.Label.PadRight(width)).Append("  ").Append(TimelineText.Total(total)).Append('\n');
        }
    }
}
