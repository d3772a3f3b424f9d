using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>The timeline as Markdown: a section per cycle with a table of administrations, then the totals.</summary>
public static class TimelineMarkdownWriter
{
    public static string Write(Timeline timeline)
    {
        var p = timeline.Patient;
        var output = new StringBuilder();
        output.Append("# ").Append(Escape(timeline.Title)).Append("\n\n");
        output.Append("- id: `").Append(timeline.Id).Append("`\n");
        output.Append("- patient: ").Append(Escape(TimelineText.Patient(p))).Append('\n');
        if (TimelineText.DoseLevels(timeline) is { } levels)
        {
            output.Append("- dose levels: ").Append(Escape(levels)).Append('\n');
        }
        foreach (string record in TimelineText.AsGiven(timeline))
        {
            output.Append("- as given: ").Append(Escape(record)).Append('\n');
        }
        output.Append("- start: ").Append(TimelineText.Date(p.Start)).Append(", first dose ").Append(TimelineTreeBuilder.Time(p.FirstDoseTime)).Append('\n');
        if (TimelineText.OpenEndedNote(timeline) is { } open)
        {
            output.Append("- open-ended: ").Append(Escape(open)).Append('\n');
        }
        if (!timeline.Findings.IsEmpty)
        {
            output.Append("\n## Findings\n\n**Printed with --allow-errors: this timeline has errors and must not be used as it is.**\n\n");
            foreach (var finding in timeline.Findings)
            {
                output.Append("- ").Append(Escape(finding.ToString())).Append('\n');
            }
        }

        var byCycle = timeline.Entries.ToLookup(e => e.CycleIndex);
        var ordersByCycle = timeline.Orders.ToLookup(o => o.CycleIndex);
        for (int c = 0; c < timeline.Cycles.Length; c++)
        {
            var cycle = timeline.Cycles[c];
            output.Append("\n## ").Append(Escape(TimelineText.CycleHeading(cycle, p.Start, byCycle[c]))).Append("\n\n");
            if (cycle.IsRest)
            {
                continue;
            }
            output.Append("| date | time | day | drug | route | prescribed | amount | duration | dose | remarks |\n");
            output.Append("|---|---|---|---|---|---|---:|---|---|---|\n");
            // Orders join the administrations in clock order, in the drug column as "order: text", with no dose.
            var rows = byCycle[c].Select(e => (e.When, Date: e.Date, Row: TimelineText.Row(e), Order: 0))
                .Concat(ordersByCycle[c].Select(o => (o.When, Date: o.Date, Row: OrderRow(o), Order: 1)))
                .OrderBy(r => r.When).ThenBy(r => r.Order);
            foreach (var (_, date, row, _) in rows)
            {
                output.Append("| ").Append(TimelineTreeBuilder.Date(date)).Append(" | ")
                    .Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
            }
        }

        output.Append("\n## Totals per cycle\n\n| cycle | drug | total |\n|---|---|---|\n");
        foreach (var t in timeline.CycleTotals)
        {
            output.Append("| ").Append(Escape(TimelineText.CycleLabel(timeline.Cycles[t.CycleIndex!.Value]))).Append(" | ")
                .Append(t.Label).Append(" | ").Append(Escape(TimelineText.Total(t))).Append(" |\n");
        }
        output.Append("\n## Cumulative, whole plan\n\n| drug | total |\n|---|---|\n");
        foreach (var t in timeline.PlanTotals)
        {
            output.Append("| ").Append(t.Label).Append(" | ").Append(Escape(TimelineText.Total(t))).Append(" |\n");
        }
        if (!timeline.ClassTotals.IsEmpty)
        {
            output.Append("\n## ").Append(TimelineText.ClassTotalsHeading).Append("\n\n").Append(Escape(TimelineText.ClassTotalsNote)).Append(".\n\n");
            output.Append("| class | drug | total |\n|---|---|---|\n");
            foreach (var t in timeline.ClassTotals)
            {
                output.Append("| ").Append(Escape(t.Class)).Append(" | (all) | ").Append(Escape(TimelineText.ClassTotal(t))).Append(" |\n");
                foreach (var c in t.Contributions)
                {
                    output.Append("| ").Append(Escape(t.Class)).Append(" | ").Append(Escape(c.Drug)).Append(" | ").Append(Escape(TimelineText.ClassContribution(c))).Append(" |\n");
                }
            }
        }
        return output.ToString();
    }

    private static string[] OrderRow(TimelineOrder o)
    {
        var cells = TimelineText.OrderRow(o);
        return [cells[0], cells[1], cells[2], "", "", "", "", "", cells[3]];
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
