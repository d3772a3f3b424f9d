using System.Net;
using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>The timeline as one self-contained HTML page (no scripts, no external resources), for printing or sharing.</summary>
public static class TimelineHtmlWriter
{
    private static readonly string[] Columns = ["date", "time", "day", "drug", "route", "prescribed", "amount", "duration", "dose", "remarks"];

    public static string Write(Timeline timeline)
    {
        var p = timeline.Patient;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(timeline.Title)).Append("</title>\n");
        html.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
            .Append("th,td{border:1px solid #bbb;padding:2px 6px;text-align:left}td.amount{text-align:right}")
            .Append("caption{text-align:left;font-weight:bold;padding:4px 0}.warning{border:2px solid #a00;padding:6px}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(timeline.Title)).Append("</h1>\n");
        html.Append("<p class=\"warning\">Generated from a regimen file. Regimen files need local clinical validation before use with patients.</p>\n");
        html.Append("<ul>\n<li>id: ").Append(E(timeline.Id)).Append("</li>\n<li>patient: ").Append(E(TimelineText.Patient(p))).Append("</li>\n");
        if (TimelineText.DoseLevels(timeline) is { } levels)
        {
            html.Append("<li>dose levels: ").Append(E(levels)).Append("</li>\n");
        }
        html.Append("<li>start: ").Append(E(TimelineText.Date(p.Start))).Append(", first dose ").Append(TimelineTreeBuilder.Time(p.FirstDoseTime)).Append("</li>\n</ul>\n");
        if (!timeline.Findings.IsEmpty)
        {
            html.Append("<section class=\"warning\" role=\"alert\"><h2>Findings</h2>\n<p><strong>Printed with --allow-errors: this timeline has errors and must not be used as it is.</strong></p>\n<ul>\n");
            foreach (var finding in timeline.Findings)
            {
                html.Append("<li>").Append(E(finding.ToString())).Append("</li>\n");
            }
            html.Append("</ul></section>\n");
        }

        var byCycle = timeline.Entries.ToLookup(e => e.CycleIndex);
        for (int c = 0; c < timeline.Cycles.Length; c++)
        {
            var cycle = timeline.Cycles[c];
            if (cycle.IsRest)
            {
                html.Append("<h2>").Append(E(TimelineText.CycleHeading(cycle, p.Start, byCycle[c]))).Append("</h2>\n");
                continue;
            }
            html.Append("<table>\n<caption>").Append(E(TimelineText.CycleHeading(cycle, p.Start, byCycle[c]))).Append("</caption>\n<tr>");
            foreach (var column in Columns)
            {
                html.Append("<th>").Append(column).Append("</th>");
            }
            html.Append("</tr>\n");
            foreach (var e in byCycle[c])
            {
                html.Append("<tr><td>").Append(TimelineTreeBuilder.Date(e.Date)).Append("</td>");
                var row = TimelineText.Row(e);
                for (int i = 0; i < row.Length; i++)
                {
                    html.Append(i == 5 ? "<td class=\"amount\">" : "<td>").Append(E(row[i])).Append("</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</table>\n");
        }

        html.Append("<h2>Totals per cycle</h2>\n<table>\n<tr><th>cycle</th><th>drug</th><th>total</th></tr>\n");
        foreach (var t in timeline.CycleTotals)
        {
            html.Append("<tr><td>").Append(E(TimelineText.CycleLabel(timeline.Cycles[t.CycleIndex!.Value]))).Append("</td><td>")
                .Append(E(t.Label)).Append("</td><td>").Append(E(TimelineText.Total(t))).Append("</td></tr>\n");
        }
        html.Append("</table>\n<h2>Cumulative, whole plan</h2>\n<table>\n<tr><th>drug</th><th>total</th></tr>\n");
        foreach (var t in timeline.PlanTotals)
        {
            html.Append("<tr><td>").Append(E(t.Label)).Append("</td><td>").Append(E(TimelineText.Total(t))).Append("</td></tr>\n");
        }
        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
