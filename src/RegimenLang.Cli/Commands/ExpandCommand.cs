using System.CommandLine;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen expand FILE [patient options] --format ...</c>: the day-by-day administration timeline.</summary>
public static class ExpandCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file." };
        var patient = new PatientCliOptions();
        var format = CommonOptions.Format("table", "table", "csv", "json", "yaml", "md", "ics", "html");
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var command = new Command("expand", """
            Expand a regimen for a patient into the day-by-day administration timeline: one entry per administration
            with date, clock time, plan/cycle day, drug, route and computed dose, then totals per cycle and for the plan.
            Flags override the patient file. Errors (in the regimen, the patient file or a missing patient fact) are printed
            as path:line:col: severity CODE: message on standard error and nothing is expanded (exit 1); usage errors exit 2.

            Conventions: BSA is given (--bsa) or computed from height and weight (Mosteller by default, or DuBois) and rounded
            to 2 decimals before any dose is computed; --bsa-cap lowers it and the report says so. Doses are exact decimals,
            printed with at most 3 decimals. Rate doses (/day, /h) give one 24 h entry per listed day with that day's amount.
            round to comes before cap. Totals are per drug, per cycle and for the plan, in the smallest unit the drug uses and
            in the prescribed unit; prior exposure per m2 or per kg is made absolute with today's BSA or weight (an estimate).
            Without --start or a start in the patient file, the plan starts today.

            Examples:
              regimen expand regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
              regimen expand R.regimen --height 170 --weight 72 --age 54 --set cd20=35% --start 2026-01-05 --format json
              regimen expand R.regimen --bsa 1.9 --time 20:00 --format csv -o timeline.csv
              regimen expand R.regimen --patient p.yaml --format ics -o ward-calendar.ics
            """)
        {
            file, format, formulary, output,
        };
        foreach (var option in patient.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var (draft, options, error) = patient.Read(parse, PatientCliOptions.Today());
            if (error is not null)
            {
                context.Error.WriteLine($"regimen: {error}");
                return ExitCodes.Usage;
            }
            return Run(context, parse.GetValue(file)!, parse.GetValue(patient.Patient), draft!, options!,
                parse.GetValue(format) ?? "table", parse.GetValue(formulary), parse.GetValue(output));
        });
        return command;
    }

    public static int Run(CommandContext context, string path, string? patientFile, PatientDraft flags, PatientOptions options,
        string format, string[]? formularyFiles, string? outputFile)
    {
        if (FormularyOption.Read(formularyFiles, context) is not { } extra)
        {
            return ExitCodes.Usage;
        }
        var result = Expansion.Run(path, patientFile, flags, options, new CheckSession(extra));
        if (result.Unreadable is { } unreadable)
        {
            context.Error.WriteLine($"regimen: cannot read {unreadable}");
            return ExitCodes.Usage;
        }
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(diagnostic);
        }
        if (result.Timeline is not { } timeline)
        {
            return ExitCodes.Findings;
        }
        string text = format switch
        {
            "json" => JsonTreeWriter.Write(TimelineTreeBuilder.Build(timeline)),
            "yaml" => YamlTreeWriter.Write(TimelineTreeBuilder.Build(timeline)),
            "csv" => TimelineCsvWriter.Write(timeline),
            "md" => TimelineMarkdownWriter.Write(timeline),
            "ics" => TimelineIcsWriter.Write(timeline),
            "html" => TimelineHtmlWriter.Write(timeline),
            _ => TimelineTableWriter.Write(timeline),
        };
        return context.Emit(text, outputFile);
    }
}
