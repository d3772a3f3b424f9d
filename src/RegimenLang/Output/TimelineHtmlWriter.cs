using System.Net;
using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>
/// The timeline as one self-contained HTML page (no scripts, no external resources), for reading, printing or sharing:
/// the patient, the findings (with <c>--allow-errors</c>), the plan's totals, then a roadmap per phase (drugs by day of
/// the cycle, a band per cycle, a mark per administration whose details show on hover and keyboard focus, the cycle's
/// total beside each drug), then the detailed table of every administration. Marks differ by shape, not only colour;
/// the details of a mark are text inside it, so screen readers read them; print puts each phase on a page of its own.
/// </summary>
public static class TimelineHtmlWriter
{
    private static readonly string[] Columns = ["date", "time", "day", "drug", "route", "prescribed", "amount", "duration", "dose", "remarks"];

    private const string Style = """
        :root{color-scheme:light;--ink:#111;--line:#767676;--band:#e4e4e4;--out:#f4f4f4}
        *{box-sizing:border-box}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff;margin:1.5em;line-height:1.35}
        h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.25em;margin:1.2em 0 .4em}
        .notice,.warning{border:2px solid #a00;padding:6px 10px;margin:.6em 0}
        dl.patient{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.6em 0}dl.patient dt{font-weight:bold}dl.patient dd{margin:0}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
        table{border-collapse:collapse;margin-bottom:1.2em}
        th,td{border:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:top}
        td.amount,td.num{text-align:right}
        caption{text-align:left;font-weight:bold;padding:4px 0}
        .legend{margin:.4em 0 1em}.legend span{margin-right:1.2em}
        .scroll{overflow-x:auto;max-width:100%}
        table.grid{font-size:.85em}
        table.grid th,table.grid td{padding:1px 2px;text-align:center;min-width:1.6em}
        table.grid th.drug{text-align:left;position:sticky;left:0;background:#fff;z-index:1;white-space:nowrap;padding:1px 6px}
        table.grid td.total{text-align:right;white-space:nowrap;padding:1px 6px}
        table.grid tr.band th{background:var(--band);text-align:left;padding:3px 6px;position:static}
        table.grid td.out{background:repeating-linear-gradient(135deg,#fff 0 3px,var(--out) 3px 6px)}
        .mark{position:relative;display:inline-block;min-width:1em;cursor:default;font-weight:bold}
        .mark:focus{outline:2px solid #005fcc;outline-offset:1px}
        .tip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .mark:hover .tip,.mark:focus .tip{clip-path:none;width:auto;height:auto;overflow:visible;left:0;top:1.5em;z-index:3;background:#fff;color:var(--ink);border:1px solid var(--ink);padding:2px 6px;font-weight:normal;text-align:left}
        @media (max-width:640px){body{margin:.6em;font-size:15px}h1{font-size:1.3em}dl.patient{grid-template-columns:1fr}dl.patient dt{margin-top:4px}}
        @media print{body{margin:0;font-size:9pt}nav,.tip{display:none}.scroll{overflow:visible}section.phase{break-before:page}tr{break-inside:avoid}#details{break-before:page}}
        @page{size:landscape;margin:1cm}
        """;

    public static string Write(Timeline timeline)
    {
        var p = timeline.Patient;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(timeline.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n");
        html.Append("<h1>").Append(E(timeline.Title)).Append("</h1>\n");
        html.Append("<p class=\"notice\">Generated from a regimen file. Regimen files need local clinical validation before use with patients.</p>\n");
        html.Append("<dl class=\"patient\">\n<dt>Regimen id</dt><dd>").Append(E(timeline.Id)).Append("</dd>\n");
        html.Append("<dt>Patient</dt><dd>").Append(E(TimelineText.Patient(p))).Append("</dd>\n");
        if (TimelineText.DoseLevels(timeline) is { } levels)
        {
            html.Append("<dt>Dose levels</dt><dd>").Append(E(levels)).Append("</dd>\n");
        }
        foreach (string record in TimelineText.AsGiven(timeline))
        {
            html.Append("<dt>As given</dt><dd>").Append(E(record)).Append("</dd>\n");
        }
        html.Append("<dt>Start</dt><dd>").Append(E(TimelineText.Date(p.Start))).Append(", first dose ").Append(TimelineTreeBuilder.Time(p.FirstDoseTime)).Append("</dd>\n");
        html.Append("<dt>Administrations</dt><dd>").Append(timeline.Entries.Length).Append(" in ").Append(timeline.Cycles.Count(c => !c.IsRest)).Append(" cycles</dd>\n</dl>\n</header>\n");
        if (!timeline.Findings.IsEmpty)
        {
            html.Append("<section class=\"warning\" role=\"alert\" id=\"findings\"><h2>Findings</h2>\n<p><strong>Printed with --allow-errors: this timeline has errors and must not be used as it is.</strong></p>\n<ul>\n");
            foreach (var finding in timeline.Findings)
            {
                html.Append("<li>").Append(E(finding.ToString())).Append("</li>\n");
            }
            html.Append("</ul></section>\n");
        }

        var phases = TimelineRoadmap.Build(timeline);
        html.Append("<nav aria-label=\"Phases\"><ul>\n");
        for (int k = 0; k < phases.Length; k++)
        {
            html.Append("<li><a href=\"#phase-").Append(k + 1).Append("\">").Append(E(phases[k].Name)).Append("</a></li>\n");
        }
        html.Append("<li><a href=\"#totals\">totals</a></li>\n<li><a href=\"#details\">detailed table</a></li>\n</ul></nav>\n");

        html.Append("<p class=\"legend\"><strong>Marks:</strong> <span>● given at once</span><span>▮ infusion over a time</span>")
            .Append("<span>━ continuous infusion (one mark per day)</span>").Append(timeline.Orders.IsEmpty ? "" : "<span>◆ an order (lab, level, procedure)</span>")
            .Append("<span>hatched: a day outside the cycle</span>")
            .Append("<span>Hover over or focus (Tab) a mark for its time and dose.</span></p>\n");
        for (int k = 0; k < phases.Length; k++)
        {
            Phase(html, timeline, phases[k], k + 1);
        }
        PlanTotals(html, timeline);
        Details(html, timeline);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void PlanTotals(StringBuilder html, Timeline timeline)
    {
        html.Append("<section id=\"totals\"><h2>Totals, whole plan</h2>\n<div class=\"scroll\">\n<table class=\"totals\">\n<thead><tr><th scope=\"col\">drug</th><th scope=\"col\">total</th>")
            .Append("<th scope=\"col\">administrations</th><th scope=\"col\">details</th></tr></thead>\n<tbody>\n");
        foreach (var t in timeline.PlanTotals)
        {
            html.Append("<tr data-drug=\"").Append(E(t.Label)).Append("\" data-total=\"").Append(Units.Format(t.Absolute.Amount)).Append("\" data-unit=\"")
                .Append(E(t.Absolute.Unit)).Append("\" data-count=\"").Append(t.Administrations).Append("\"><th scope=\"row\">").Append(E(t.Label))
                .Append("</th><td class=\"num\">").Append(E(TimelineText.Amount(t.Absolute))).Append("</td><td class=\"num\">").Append(t.Administrations)
                .Append("</td><td>").Append(E(TimelineText.Total(t))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        ClassTotals(html, timeline, "h3");
        html.Append("</section>\n");
    }

    /// <summary>The class totals (anthracycline doxorubicin-equivalents) as a table of their own; nothing when the plan has none.</summary>
    private static void ClassTotals(StringBuilder html, Timeline timeline, string heading)
    {
        if (timeline.ClassTotals.IsEmpty)
        {
            return;
        }
        html.Append('<').Append(heading).Append('>').Append(E(TimelineText.ClassTotalsHeading)).Append("</").Append(heading).Append(">\n<p>")
            .Append(E(TimelineText.ClassTotalsNote)).Append(".</p>\n<div class=\"scroll\">\n<table class=\"class-totals\">\n")
            .Append("<thead><tr><th scope=\"col\">class</th><th scope=\"col\">drug</th><th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
        foreach (var t in timeline.ClassTotals)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(t.Class)).Append("</th><td>(all)</td><td>").Append(E(TimelineText.ClassTotal(t))).Append("</td></tr>\n");
            foreach (var c in t.Contributions)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(t.Class)).Append("</th><td>").Append(E(c.Drug)).Append("</td><td>")
                    .Append(E(TimelineText.ClassContribution(c))).Append("</td></tr>\n");
            }
        }
        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void Phase(StringBuilder html, Timeline timeline, RoadmapPhase phase, int number)
    {
        var days = phase.Days.ToList();
        int cycles = phase.Bands.Count(b => !b.Cycle.IsRest);
        html.Append("<section class=\"phase\" id=\"phase-").Append(number).Append("\" aria-labelledby=\"phase-").Append(number).Append("-title\">\n");
        html.Append("<h2 id=\"phase-").Append(number).Append("-title\">Phase ").Append(number).Append(": ").Append(E(phase.Name)).Append("</h2>\n");
        html.Append("<p>").Append(cycles).Append(cycles == 1 ? " cycle" : " cycles").Append(", ")
            .Append(TimelineTreeBuilder.Date(phase.Bands[0].First)).Append(" to ").Append(TimelineTreeBuilder.Date(phase.Bands[^1].Last)).Append("</p>\n");
        html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(phase.Name)).Append(": drugs by day of the cycle\">\n");
        html.Append("<table class=\"grid\">\n<caption>").Append(E(phase.Name)).Append(": drugs by day of the cycle</caption>\n");
        html.Append("<thead><tr><th scope=\"col\" class=\"drug\">drug, day</th>");
        foreach (int day in days)
        {
            html.Append("<th scope=\"col\">").Append(day).Append("</th>");
        }
        html.Append("<th scope=\"col\">cycle total</th></tr></thead>\n");
        int span = days.Count + 2;
        foreach (var band in phase.Bands)
        {
            var c = band.Cycle;
            html.Append("<tbody class=\"cycle\" data-cycle=\"").Append(band.CycleIndex).Append("\">\n<tr class=\"band\"><th scope=\"rowgroup\" colspan=\"").Append(span).Append("\">");
            html.Append(E(c.IsRest
                ? $"rest, {c.LengthDays} days ({TimelineTreeBuilder.Date(band.First)} to {TimelineTreeBuilder.Date(band.Last)})"
                : $"{c.Phase} {c.PhaseCycle} (plan cycle {c.Cycle}): {c.CycleName}{(c.CycleTitle is null ? "" : $" \"{c.CycleTitle}\"")}, {c.LengthDays} days, {TimelineTreeBuilder.Date(band.First)} to {TimelineTreeBuilder.Date(band.Last)}"));
            html.Append("</th></tr>\n");
            if (!c.IsRest && band.Rows.IsEmpty)
            {
                html.Append("<tr><td colspan=\"").Append(span).Append("\">no administrations for this patient</td></tr>\n");
            }
            foreach (var row in band.Rows)
            {
                html.Append("<tr><th scope=\"row\" class=\"drug\">").Append(E(row.Label)).Append("</th>");
                foreach (int day in days)
                {
                    bool outside = day < 1 || day > c.LengthDays;
                    html.Append(outside ? "<td class=\"out\">" : "<td>");
                    if (row.EntriesByDay.TryGetValue(day, out var entries))
                    {
                        foreach (int index in entries)
                        {
                            Mark(html, timeline.Entries[index], index);
                        }
                    }
                    html.Append("</td>");
                }
                html.Append("<td class=\"total\">").Append(row.Total is { } t ? E(TimelineText.Amount(t.Absolute)) : "").Append("</td></tr>\n");
            }
            OrderRows(html, timeline, band, days);
            html.Append("</tbody>\n");
        }
        html.Append("</table>\n</div>\n</section>\n");
    }

    /// <summary>One row per order text of a cycle band, a ◆ on each day it falls on (orders are no doses: no total).</summary>
    private static void OrderRows(StringBuilder html, Timeline timeline, RoadmapBand band, List<int> days)
    {
        foreach (var group in timeline.Orders.Where(o => o.CycleIndex == band.CycleIndex).GroupBy(o => o.Text))
        {
            html.Append("<tr class=\"order\"><th scope=\"row\" class=\"drug\">").Append(E("order: " + group.Key)).Append("</th>");
            foreach (int day in days)
            {
                bool outside = day < 1 || day > band.Cycle.LengthDays;
                html.Append(outside ? "<td class=\"out\">" : "<td>");
                foreach (var o in group.Where(o => o.CycleDay == day))
                {
                    string details = $"{TimelineTreeBuilder.Date(o.Date)} {TimelineTreeBuilder.Time(o.Time)}, day {o.CycleDay}: order {o.Text}"
                        + (TimelineText.Anchor(o.Anchor) is { } anchor ? $" ({anchor})" : "");
                    html.Append("<span class=\"mark\" tabindex=\"0\" data-kind=\"order\"><span aria-hidden=\"true\">◆</span><span class=\"tip\" role=\"tooltip\">")
                        .Append(E(details)).Append("</span></span>");
                }
                html.Append("</td>");
            }
            html.Append("<td class=\"total\"></td></tr>\n");
        }
    }

    /// <summary>A mark: its shape says how it is given; its details (hidden until hover or focus, read by screen readers) say when and how much.</summary>
    private static void Mark(StringBuilder html, TimelineEntry e, int index)
    {
        var (symbol, kind) = e.Infusion.Kind switch
        {
            InfusionKind.Continuous => ("━", "continuous"),
            InfusionKind.Over => ("▮", "infusion"),
            _ => ("●", "once"),
        };
        string duration = TimelineText.Duration(e) is { } d ? (e.Infusion.Kind == InfusionKind.Over ? $" over {d}" : $", {d} of a continuous infusion") : "";
        string details = $"{TimelineTreeBuilder.Date(e.Date)} {TimelineTreeBuilder.Time(e.Time)}, day {e.CycleDay}: {e.Drug} {TimelineText.Routes(e)} "
            + $"{Units.Format(e.Amount)} {TimelineText.Unit(e)} ({TimelineText.Prescribed(e)}){duration}";
        html.Append("<span class=\"mark\" tabindex=\"0\" data-entry=\"").Append(index).Append("\" data-kind=\"").Append(kind).Append("\"><span aria-hidden=\"true\">")
            .Append(symbol).Append("</span><span class=\"tip\" role=\"tooltip\">").Append(E(details)).Append("</span></span>");
    }

    private static void Details(StringBuilder html, Timeline timeline)
    {
        var p = timeline.Patient;
        html.Append("<section id=\"details\"><h2>Detailed timeline</h2>\n");
        var byCycle = timeline.Entries.ToLookup(e => e.CycleIndex);
        for (int c = 0; c < timeline.Cycles.Length; c++)
        {
            var cycle = timeline.Cycles[c];
            if (cycle.IsRest)
            {
                html.Append("<h3>").Append(E(TimelineText.CycleHeading(cycle, p.Start, byCycle[c]))).Append("</h3>\n");
                continue;
            }
            html.Append("<div class=\"scroll\">\n<table>\n<caption>").Append(E(TimelineText.CycleHeading(cycle, p.Start, byCycle[c]))).Append("</caption>\n<thead><tr>");
            foreach (var column in Columns)
            {
                html.Append("<th scope=\"col\">").Append(column).Append("</th>");
            }
            html.Append("</tr></thead>\n<tbody>\n");
            var rows = byCycle[c].Select(e => (e.When, e.Date, Row: TimelineText.Row(e), Order: 0))
                .Concat(timeline.Orders.Where(o => o.CycleIndex == c).Select(o => (o.When, o.Date, Row: OrderRow(o), Order: 1)))
                .OrderBy(r => r.When).ThenBy(r => r.Order);
            foreach (var (_, date, row, _) in rows)
            {
                html.Append("<tr><td>").Append(TimelineTreeBuilder.Date(date)).Append("</td>");
                for (int i = 0; i < row.Length; i++)
                {
                    html.Append(i == 5 ? "<td class=\"amount\">" : "<td>").Append(E(row[i])).Append("</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n</div>\n");
        }

        html.Append("<h2>Totals per cycle</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">cycle</th><th scope=\"col\">drug</th><th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
        foreach (var t in timeline.CycleTotals)
        {
            html.Append("<tr><td>").Append(E(TimelineText.CycleLabel(timeline.Cycles[t.CycleIndex!.Value]))).Append("</td><td>")
                .Append(E(t.Label)).Append("</td><td>").Append(E(TimelineText.Total(t))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n<h2>Cumulative, whole plan</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">drug</th><th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
        foreach (var t in timeline.PlanTotals)
        {
            html.Append("<tr><td>").Append(E(t.Label)).Append("</td><td>").Append(E(TimelineText.Total(t))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        ClassTotals(html, timeline, "h2");
        html.Append("</section>\n");
    }

    /// <summary>An order in the detailed table: "order: text" in the drug column, no dose.</summary>
    private static string[] OrderRow(TimelineOrder o)
    {
        var cells = TimelineText.OrderRow(o);
        return [cells[0], cells[1], cells[2], "", "", "", "", "", cells[3]];
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
