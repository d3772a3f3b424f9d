using System.Globalization;
using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>One row per administration with a header row, quoted as RFC 4180 says (CRLF line ends).</summary>
public static class TimelineCsvWriter
{
    private static readonly string[] Header =
    [
        "date", "planDay", "phase", "cycle", "phaseCycle", "cycleName", "cycleDay", "time", "drug", "route", "routes",
        "prescribed", "amount", "unit", "duration", "doseNumber", "doseCount", "adjustments", "notes", "line",
        "durationMinutes", "endDate", "endTime", "anchor", "dividedInto", "rampStep", "doseLevel",
    ];

    public static string Write(Timeline timeline)
    {
        var output = new StringBuilder();
        // With --allow-errors only: the findings first, as '#' lines a reader must skip (a CSV has no other place for them).
        foreach (var finding in timeline.Findings)
        {
            output.Append("# ").Append(finding.ToString().Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append("\r\n");
        }
        foreach (string record in TimelineText.AsGiven(timeline))
        {
            output.Append("# as given: ").Append(record).Append("\r\n");
        }
        // Class totals (anthracycline doxorubicin-equivalents) are not administrations: '#' lines too, one per class and per drug.
        foreach (var total in timeline.ClassTotals)
        {
            output.Append("# ").Append(TimelineText.ClassTotalsHeading).Append(": ").Append(TimelineText.ClassTotal(total)).Append("\r\n");
            foreach (var c in total.Contributions)
            {
                output.Append("# ").Append(TimelineText.ClassTotalsHeading).Append(": ").Append(total.Class).Append(", ").Append(c.Drug).Append(' ')
                    .Append(TimelineText.ClassContribution(c)).Append("\r\n");
            }
        }
        // Two columns for the orders, only when there are orders: a timeline without them keeps the contract's columns exactly.
        bool orders = !timeline.Orders.IsEmpty;
        // Likewise three columns for as-needed doses, only when there are some, and two for the treatment as given.
        bool asNeeded = timeline.Entries.Any(e => e.AsNeeded is not null);
        bool given = timeline.Entries.Any(e => e.Status is not null || e.Recorded);
        // And two for a plan with branches or open-ended repeats: the branch that chose the cycle, its open-ended course.
        bool plan = timeline.Cycles.Any(c => c.Branch is not null || c.OpenEnded is not null);
        // And one for lines that run until a condition or change dose at an event: the entry's until mark.
        bool until = timeline.Entries.Any(e => TimelineText.Until(e) is not null);
        if (TimelineText.OpenEndedNote(timeline) is { } open)
        {
            output.Append("# open-ended: ").Append(open).Append("\r\n");
        }
        string[] header = orders ? [.. Header, "kind", "order"] : Header;
        header = asNeeded ? [.. header, "asNeeded", "reason", "maxPerDay"] : header;
        header = given ? [.. header, "status", "recorded"] : header;
        header = plan ? [.. header, "branch", "openEnded"] : header;
        AppendRow(output, until ? [.. header, "until"] : header);
        var items = timeline.Entries.Select(e => (e.When, Entry: (TimelineEntry?)e, Order: (TimelineOrder?)null))
            .Concat(timeline.Orders.Select(o => (o.When, Entry: (TimelineEntry?)null, Order: (TimelineOrder?)o)))
            .OrderBy(x => x.When).ThenBy(x => x.Order is null ? 0 : 1);
        foreach (var (_, entry, order) in items)
        {
            if (order is { } o)
            {
                AppendRow(output,
                [
                    TimelineTreeBuilder.Date(o.Date), Int(o.PlanDay), o.Phase, Int(o.Cycle), Int(o.PhaseCycle), o.CycleName, Int(o.CycleDay),
                    TimelineTreeBuilder.Time(o.Time), "", "", "", "", "", "", "", "", "", "", string.Join("; ", o.Notes), Int(o.Line),
                    "", "", "", TimelineText.Anchor(o.Anchor) ?? "", "", "", "", "order", o.Text,
                    .. (asNeeded ? (string[])["", "", ""] : []),
                    .. (given ? (string[])["", ""] : []),
                    .. PlanColumns(timeline.Cycles[o.CycleIndex], plan),
                    .. (until ? (string[])[""] : []),
                ]);
                continue;
            }
            var e = entry!;
            string[] row =
            [
                TimelineTreeBuilder.Date(e.Date), Int(e.PlanDay), e.Phase, Int(e.Cycle), Int(e.PhaseCycle), e.CycleName, Int(e.CycleDay),
                TimelineTreeBuilder.Time(e.Time), e.Drug, e.Route.ToString(), TimelineText.Routes(e), TimelineText.Prescribed(e),
                Units.Format(e.Amount), TimelineText.Unit(e), TimelineText.Duration(e) ?? "", e.DoseNumber is { } n ? Int(n) : "", e.DoseCount is { } c ? Int(c) : "",
                string.Join("; ", e.Adjustments.Select(TimelineText.Adjustment)), string.Join("; ", e.Notes), Int(e.Line),
                e.DurationMinutes is { } m ? m.ToString(CultureInfo.InvariantCulture) : "",
                e.DurationMinutes is null ? "" : TimelineTreeBuilder.Date(DateOnly.FromDateTime(e.End)),
                e.DurationMinutes is null ? "" : TimelineTreeBuilder.Time(TimeOnly.FromDateTime(e.End)),
                TimelineText.Anchor(e) ?? "", e.DividedInto is { } d ? Int(d) : "", e.RampStep is { } r ? Int(r) : "",
                e.DoseLevel is { } level ? Int(level) : "",
            ];
            string[] kind = orders ? ["administration", ""] : [];
            string[] prn = !asNeeded ? [] : e.AsNeeded is { } p ? ["true", p.Reason, p.MaxPerDay is { } max ? Int(max) : ""] : ["", "", ""];
            string[] status = !given ? [] :
                [e.Status switch { EntryStatus.Given => "given", EntryStatus.Planned => "planned", _ => "" }, e.Recorded ? "true" : ""];
            AppendRow(output, [.. row, .. kind, .. prn, .. status, .. PlanColumns(timeline.Cycles[e.CycleIndex], plan), .. (until ? (string[])[TimelineText.Until(e) ?? ""] : [])]);
        }
        return output.ToString();
    }

    private static string[] PlanColumns(CycleInstance cycle, bool plan) =>
        plan ? [cycle.Branch ?? "", cycle.OpenEnded is { } open ? open.Describe() : ""] : [];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder output, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }
            output.Append(Quote(fields[i]));
        }
        output.Append("\r\n");
    }

    /// <summary>Quotes a field holding a comma, quote or line break, doubling inner quotes (RFC 4180 §2).</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
