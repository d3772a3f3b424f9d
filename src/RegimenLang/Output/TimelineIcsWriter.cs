using System.Globalization;
using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>
/// The timeline as an iCalendar file (RFC 5545), one event per administration, for a ward or a
/// patient's calendar. Times are floating local times (no time zone): the clock of the timeline.
/// Output is deterministic (the stamp is the plan's start, UIDs are the regimen id and entry number).
/// </summary>
public static class TimelineIcsWriter
{
    public static string Write(Timeline timeline)
    {
        var output = new StringBuilder();
        void Line(string text) => Fold(output, text);

        string stamp = timeline.Patient.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z";
        string id = timeline.Id.Length > 0 ? timeline.Id : "regimen";
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//RegimenLang//regimen expand//EN");
        Line("CALSCALE:GREGORIAN");
        Line("X-WR-CALNAME:" + Escape(timeline.Title));
        if (!timeline.Findings.IsEmpty)
        {
            // Calendar clients show the description with the calendar: the findings go there, first.
            Line("X-WR-CALDESC:" + Escape("FINDINGS (printed with --allow-errors; this timeline has errors): " + string.Join("; ", timeline.Findings)));
        }
        for (int i = 0; i < timeline.Entries.Length; i++)
        {
            var e = timeline.Entries[i];
            var cycle = timeline.Cycles[e.CycleIndex];
            Line("BEGIN:VEVENT");
            Line($"UID:{id}-{i + 1}@regimenlang");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART:" + e.When.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            if (e.DurationMinutes is { } minutes)
            {
                Line("DURATION:" + Duration(minutes));
            }
            Line("SUMMARY:" + Escape($"{e.Drug} {Units.Format(e.Amount)} {TimelineText.Unit(e)} {TimelineText.Routes(e)}"));
            var description = new List<string>
            {
                $"{TimelineText.Prescribed(e)}; {TimelineText.CycleLabel(cycle)}, day {e.CycleDay} (plan day {e.PlanDay})",
            };
            if (e.DoseNumber is { } n)
            {
                description.Add($"dose {n} of {e.DoseCount}");
            }
            if (e.DoseLevel is { } level)
            {
                description.Add($"dose level {level}");
            }
            if (TimelineText.Status(e) is { } status)
            {
                description.Add(status);
            }
            if (e.AsNeeded is { } prn)
            {
                description.Add($"as needed: {prn.Reason}" + (prn.MaxPerDay is { } max ? $", at most {max} a day" : ""));
            }
            description.AddRange(e.Adjustments.Select(TimelineText.Adjustment));
            description.AddRange(e.Notes.Select(note => "note: " + note));
            description.Add($"line {e.Line} of {timeline.File}");
            Line("DESCRIPTION:" + Escape(string.Join("\n", description)));
            Line("END:VEVENT");
        }
        // Non-drug orders (labs, drug levels, procedures): one event each, after the administrations.
        for (int i = 0; i < timeline.Orders.Length; i++)
        {
            var o = timeline.Orders[i];
            Line("BEGIN:VEVENT");
            Line($"UID:{id}-order-{i + 1}@regimenlang");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART:" + o.When.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape("order: " + o.Text));
            var description = new List<string> { $"{TimelineText.CycleLabel(timeline.Cycles[o.CycleIndex])}, day {o.CycleDay} (plan day {o.PlanDay})" };
            if (TimelineText.Anchor(o.Anchor) is { } anchor)
            {
                description.Add(anchor);
            }
            description.AddRange(o.Notes.Select(note => "note: " + note));
            description.Add($"line {o.Line} of {timeline.File}");
            Line("DESCRIPTION:" + Escape(string.Join("\n", description)));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>A duration in minutes in ISO 8601 (PT3H, PT30M).</summary>
    public static string Duration(decimal minutes)
    {
        minutes = decimal.Round(minutes, 0, MidpointRounding.AwayFromZero);
        return minutes % 60 == 0 ? $"PT{minutes / 60:0}H" : $"PT{minutes:0}M";
    }

    /// <summary>RFC 5545 text escaping: backslash, semicolon, comma and newline.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 §3.1), ending it with CRLF.</summary>
    private static void Fold(StringBuilder output, string line)
    {
        int octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            int size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
