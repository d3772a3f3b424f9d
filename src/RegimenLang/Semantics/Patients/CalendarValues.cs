using System.Globalization;
using RegimenLang.Diagnostics;

namespace RegimenLang.Semantics.Patients;

/// <summary>Start dates and first-dose clock times, as written in a patient file or on the command line.</summary>
public static class CalendarValues
{
    /// <summary>
    /// The earliest and latest start a timeline may have: a plan of up to 100 years (and doses days before
    /// day 1) must fit in the calendar, so that no date arithmetic can overflow.
    /// </summary>
    public static readonly DateOnly EarliestStart = new(1900, 1, 1);
    public static readonly DateOnly LatestStart = new(2900, 12, 31);

    public static (DateOnly Date, PatientValueProblem? Problem) Date(string key, string text)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (default, PatientProblems.NotADate(key, text.Trim()));
        }
        return date < EarliestStart || date > LatestStart
            ? (default, PatientProblems.DateOutOfRange(key, text.Trim(), Show(EarliestStart), Show(LatestStart)))
            : (date, null);
    }

    public static (TimeOnly Time, PatientValueProblem? Problem) Time(string key, string text) =>
        TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time, null)
            : (default, PatientProblems.NotATime(key, text.Trim()));

    private static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
