using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>
/// The timeline as an iCalendar file (RFC 5545), one event per administration, for a ward or a patient's calendar. Times are
/// floating local times (no time zone): the clock of the timeline. An infusion ends at its start plus its duration (DTEND);
/// a dose given at once has no end of its own (RFC 5545 §3.6.1: it ends when it starts), rather than an invented length.
/// Every UID is unique per patient and plan (<see cref="CalendarId"/>), so the calendars of two patients on the same
/// regimen can be imported into one ward calendar without merging. Output is deterministic: the same inputs give the same bytes.
/// </summary>
public static class TimelineIcsWriter
{
    public static string Write(Timeline timeline) => Write(timeline, CalendarOptions.Default);

    public static string Write(Timeline timeline, CalendarOptions options)
    {
        var output = new StringBuilder();
        void Line(string text) => Fold(output, text);

        // DTSTAMP must be present, and is meant to be when the object was created; the clock would make every export differ (and
        // the golden files churn). The plan's start is a fixed, meaningful instant of these inputs: re-exporting the same plan
        // gives the same stamp, so a calendar client sees the same events rather than updated ones.
        string stamp = timeline.Patient.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z";
        string calendarId = options.CalendarId ?? CalendarId(timeline);
        string? label = timeline.Patient.Label;
        string forPatient = label is null ? "" : label + ": ";
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//RegimenLang//regimen expand//EN");
        Line("CALSCALE:GREGORIAN");
        Line("X-WR-CALNAME:" + Escape(forPatient + timeline.Title));
        if (!timeline.Findings.IsEmpty)
        {
            // Calendar clients show the description with the calendar: the findings go there, first.
            Line("X-WR-CALDESC:" + Escape("FINDINGS (printed with --allow-errors; this timeline has errors): " + string.Join("; ", timeline.Findings)));
        }
        for (int i = 0; i < timeline.Entries.Length; i++)
        {
            var e = timeline.Entries[i];
            var cycle = timeline.Cycles[e.CycleIndex];
            string summary = $"{forPatient}{e.Drug} {Units.Format(e.Amount)} {TimelineText.Unit(e)} {TimelineText.Routes(e)}";
            Line("BEGIN:VEVENT");
            Line($"UID:{calendarId}-{i + 1}@regimenlang");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART:" + DateTime(e.When));
            if (e.DurationMinutes is > 0)
            {
                Line("DTEND:" + DateTime(e.End));
            }
            Line("SUMMARY:" + Escape(summary));
            var description = new List<string>();
            if (label is not null)
            {
                description.Add("patient: " + label);
            }
            description.Add($"{TimelineText.Prescribed(e)}; {TimelineText.CycleLabel(cycle)}, day {e.CycleDay} (plan day {e.PlanDay})");
            if (cycle.Branch is { } branch)
            {
                description.Add("plan branch: when " + branch);
            }
            if (cycle.OpenEnded is { } open)
            {
                description.Add($"open-ended course: {open.Describe()}");
            }
            if (TimelineText.Duration(e) is { } duration)
            {
                description.Add("runs " + duration);
            }
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
            if (TimelineText.Until(e) is { } until)
            {
                description.Add(until);
            }
            description.AddRange(e.Adjustments.Select(TimelineText.Adjustment));
            description.AddRange(e.Notes.Select(note => "note: " + note));
            // The file's name, as the table prints it: a folder on the machine that wrote the calendar means nothing in it.
            description.Add($"line {e.Line} of {Path.GetFileName(timeline.File)}");
            Line("DESCRIPTION:" + Escape(string.Join("\n", description)));
            if (options.ReminderMinutes is { } before)
            {
                Line("BEGIN:VALARM");
                Line("ACTION:DISPLAY");
                Line("TRIGGER:-" + Duration(before));
                Line("DESCRIPTION:" + Escape(summary));
                Line("END:VALARM");
            }
            Line("END:VEVENT");
        }
        // Non-drug orders (labs, drug levels, procedures): one event each, after the administrations.
        for (int i = 0; i < timeline.Orders.Length; i++)
        {
            var o = timeline.Orders[i];
            Line("BEGIN:VEVENT");
            Line($"UID:{calendarId}-order-{i + 1}@regimenlang");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART:" + o.When.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape("order: " + o.Text));
            var description = new List<string> { $"{TimelineText.CycleLabel(timeline.Cycles[o.CycleIndex])}, day {o.CycleDay} (plan day {o.PlanDay})" };
            if (TimelineText.Anchor(o.Anchor) is { } anchor)
            {
                description.Add(anchor);
            }
            description.AddRange(o.Notes.Select(note => "note: " + note));
            description.Add($"line {o.Line} of {Path.GetFileName(timeline.File)}");
            Line("DESCRIPTION:" + Escape(string.Join("\n", description)));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>
    /// The UID prefix of a timeline's events: 16 hex digits of a SHA-256 of the regimen (id and title), the patient's identity
    /// (<c>id</c> and <c>label</c> of the patient file, and the facts the doses were computed from) and the start and first-dose
    /// time. Stable for the same inputs; two patients, or two starts of one patient, get different prefixes. The id is hashed,
    /// never printed, so a record number does not travel with the calendar.
    /// </summary>
    public static string CalendarId(Timeline timeline)
    {
        var p = timeline.Patient;
        string identity = string.Join("\n",
            "regimenlang-calendar-1", timeline.Id, timeline.Title, p.Id ?? "", p.Label ?? "", TimelineText.Patient(p),
            TimelineTreeBuilder.Date(p.Start), TimelineTreeBuilder.Time(p.FirstDoseTime));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static string DateTime(DateTime when) => when.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

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
