using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen expand FILE [patient options] --format ...</c>: the day-by-day administration timeline.</summary>
public static class ExpandCommand
{
    public const string Summary = "Expand a regimen for a patient into the day-by-day administration timeline.";

    public const string Details = """

        One entry per administration with date, clock time, plan/cycle day, drug, route and computed dose, then totals
        per cycle and for the plan. Flags override the patient file. Errors (in the regimen, the patient file or a
        missing patient fact) are printed as path:line:col: severity CODE: message on standard error and nothing is
        expanded (exit 1); usage errors exit 2.

        Conventions: BSA is given (--bsa) or computed from height and weight (Mosteller by default, or DuBois) and rounded
        to 2 decimals before any dose is computed; --bsa-cap lowers it and the report says so. Doses are exact decimals,
        printed with at most 3 decimals. Rate doses (/day, /h) give one 24 h entry per listed day with that day's amount.
        round to comes before cap. Totals are per drug, per cycle and for the plan, in the smallest unit the drug uses and
        in the prescribed unit; prior exposure per m2 or per kg is made absolute with today's BSA or weight (an estimate).
        Without --start or a start in the patient file, the plan starts today.
        The checks of 'check --patient' run for the patient: with an error (a dose over a maximum for this patient, a
        lifetime limit reached with prior exposure) no timeline is printed and the exit code is 1. --allow-errors prints
        it anyway, with the findings first in every format (and exit code 1).
        ICS: each event's UID is unique to the patient and the plan (a hash of the regimen, the patient file's id, label and
        facts, the start and first-dose time), or starts with --calendar-id; a patient file's label names the patient in each
        event; an infusion ends at its start plus its duration; --reminder adds an alarm before each dose.

        Examples:
          regimen expand regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
          regimen expand R.regimen --height 170 --weight 72 --age 54 --set cd20=35% --start 2026-01-05 --format json
          regimen expand R.regimen --bsa 1.9 --time 20:00 --format csv -o timeline.csv
          regimen expand R.regimen --patient p.yaml --format ics -o ward-calendar.ics
          regimen expand R.regimen --patient p.yaml --format ics --calendar-id ward7-bed12 --reminder 30m -o bed12.ics
        """;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file." };
        var patient = new PatientCliOptions();
        var format = CommonOptions.Format(OutputFormats.Timelines);
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var allowErrors = new Option<bool>("--allow-errors")
        {
            Description = "Print the timeline even when the checks find errors for this patient, with the findings first (exit code 1).",
        };
        var calendarId = new Option<string?>("--calendar-id")
        {
            Description = "ICS only: the prefix of every event UID (letters, digits, . _ -), instead of a hash of the patient and the plan.",
        };
        var reminder = new Option<string?>("--reminder")
        {
            Description = "ICS only: an alarm this long before each dose (30m, 90 min, 2h; at most 7 days).",
        };
        var command = new Command("expand", Summary)
        {
            file, format, formulary, output, noColor, allowErrors, calendarId, reminder,
        };
        patient.AddTo(command);
        command.SetAction(parse => patient.Run(parse, context, source =>
        {
            string chosen = parse.GetValue(format) ?? "table";
            var (calendar, problem) = Calendar(chosen, parse.GetValue(calendarId), parse.GetValue(reminder));
            if (problem is not null)
            {
                context.UsageError(problem);
                return ExitCodes.Usage;
            }
            return Run(context, parse.GetValue(file)!, source!, chosen, parse.GetValue(formulary) ?? [],
                parse.GetValue(output), context.Color(parse.GetValue(noColor)), parse.GetValue(allowErrors), calendar);
        }));
        return command;
    }

    /// <summary>The calendar options, or the usage error: they shape an ICS file only, so another format with them is a mistake to say.</summary>
    private static (CalendarOptions Options, string? Problem) Calendar(string format, string? calendarId, string? reminder)
    {
        if ((calendarId is not null || reminder is not null) && !string.Equals(format, "ics", StringComparison.OrdinalIgnoreCase))
        {
            return (CalendarOptions.Default, $"{(calendarId is not null ? "--calendar-id" : "--reminder")} applies to --format ics only");
        }
        if (calendarId is not null && CalendarOptions.CalendarIdProblem(calendarId) is { } idProblem)
        {
            return (CalendarOptions.Default, idProblem);
        }
        int? minutes = null;
        if (reminder is not null)
        {
            (minutes, string? reminderProblem) = CalendarOptions.Reminder(reminder);
            if (reminderProblem is not null)
            {
                return (CalendarOptions.Default, reminderProblem);
            }
        }
        return (new CalendarOptions(calendarId, minutes), null);
    }

    public static int Run(CommandContext context, string path, PatientSource patient, string format, IReadOnlyList<string> formularies,
        string? outputFile, bool color = false, bool allowErrors = false, CalendarOptions? calendar = null)
    {
        var workspace = new RegimenWorkspace(context.FileSystem, formularies);
        var result = Expansion.Run(workspace, path, patient, allowErrors);
        if (result.Unreadable is { } unreadable)
        {
            return context.Unreadable(unreadable);
        }
        context.Error.Write(DiagnosticWriters.Text(result.Diagnostics, color));
        if (result.Timeline is not { } timeline)
        {
            return ExitCodes.Findings;
        }
        var writer = OutputFormats.Find(OutputFormats.Timelines, format);
        string text = writer.Name == "ics" && calendar is not null ? TimelineIcsWriter.Write(timeline, calendar) : writer.Write(timeline);
        int emitted = context.Emit(text, outputFile);
        // A timeline printed in spite of errors still fails the run, so a script cannot take it for a clean one.
        return emitted == ExitCodes.Ok && timeline.Findings.Any(f => f.Severity == RegimenLang.Diagnostics.Severity.Error) ? ExitCodes.Findings : emitted;
    }
}
