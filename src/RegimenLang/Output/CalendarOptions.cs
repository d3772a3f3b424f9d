using System.Globalization;
using System.Text.RegularExpressions;

namespace RegimenLang.Output;

/// <summary>
/// How <c>expand --format ics</c> writes its calendar: the prefix of its event UIDs (<c>--calendar-id</c>; by default a hash
/// of the patient and the plan) and a reminder before each timed event (<c>--reminder 30m</c>; none by default).
/// </summary>
public sealed partial record CalendarOptions(string? CalendarId, int? ReminderMinutes)
{
    public static readonly CalendarOptions Default = new(null, null);

    /// <summary>The longest reminder: a week before a dose is a calendar of its own, not a reminder.</summary>
    public const int MaxReminderMinutes = 7 * 24 * 60;

    /// <summary>A calendar id as given, or why it cannot be one: it becomes part of every UID, so plain characters only.</summary>
    public static string? CalendarIdProblem(string id) =>
        CalendarIdPattern().IsMatch(id) ? null
        : $"--calendar-id: '{id}' is not a calendar id: 1 to 64 letters, digits, '.', '_' or '-', e.g. ward7-bed12-2026";

    /// <summary>A reminder such as <c>30m</c>, <c>90 min</c>, <c>1h</c> or <c>2 h</c> in minutes, or why it is not one.</summary>
    public static (int? Minutes, string? Problem) Reminder(string text)
    {
        var match = ReminderPattern().Match(text.Trim());
        if (match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            long minutes = char.ToLowerInvariant(match.Groups["unit"].Value[0]) == 'h' ? n * 60L : n;
            if (minutes is >= 1 and <= MaxReminderMinutes)
            {
                return ((int)minutes, null);
            }
        }
        return (null, $"--reminder: '{text}' is not a reminder time: minutes or hours before each dose, from 1 min to 7 days, e.g. 30m, 90 min, 2h");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex CalendarIdPattern();

    [GeneratedRegex(@"^(?<n>\d{1,6})\s*(?<unit>m|min|mins|minutes?|h|hours?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReminderPattern();
}
