using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen export FILE --format fhir [patient options]</c>: the regimen in another format (the library's <see cref="ExportRun"/>).</summary>
public static class ExportCommand
{
    public const string Summary = "Export a regimen to HL7 FHIR R4 (a PlanDefinition, or with a patient a CarePlan), with a warning for what FHIR cannot carry.";

    public const string Details = """

        Without a patient: a FHIR R4 PlanDefinition, an action per phase, cycle and line, each line's dose and timing in a
        contained ActivityDefinition, its days as the timing-daysOfCycle extension, 'when' as an applicability condition and
        timing from another line as relatedAction. With a patient (--patient or any patient option of 'expand'): a Bundle with
        the Patient, a CarePlan and a MedicationRequest for every administration of the timeline (computed dose, date, clock
        time, infusion time). Every construct FHIR cannot carry losslessly is a warning RL7xxx at its line
        (path:line:col: warning CODE: message, on standard error; 'regimen explain RL7001'); docs/fhir.md has the mapping.
        Ids are derived from the regimen's id and line numbers, so the same file exports the same JSON.
        A regimen with errors (or, with a patient, anything 'expand' refuses) is not exported. Run 'check' for the checker's
        warnings: export prints only its own.
        Exit status: 0 exported (warnings or not), 1 errors in the regimen or the patient, 2 usage error or unreadable file.

        Examples:
          regimen export regimens/08-hcvad-blina-frontline.regimen --format fhir -o hcvad.plandefinition.json
          regimen export regimens/13-folfiri.regimen --format fhir --patient regimens/13-folfiri.patient.yaml
        """;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file." };
        var patient = new PatientCliOptions();
        var format = CommonOptions.Format(RegimenLang.Output.Fhir.FhirExport.Formats);
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var command = new Command("export", Summary)
        {
            file, format, formulary, output, noColor,
        };
        patient.AddTo(command);
        command.SetAction(parse => patient.Run(parse, context, source =>
            Run(context, parse.GetValue(file)!, patient.AnyGiven(parse) ? source : null, parse.GetValue(format) ?? "fhir",
                parse.GetValue(formulary) ?? [], parse.GetValue(output), context.Color(parse.GetValue(noColor)))));
        return command;
    }

    /// <param name="patient">The patient, or null to export the regimen itself.</param>
    public static int Run(CommandContext context, string path, PatientSource? patient, string format, IReadOnlyList<string> formularies,
        string? outputFile, bool color = false)
    {
        var result = ExportRun.Run(new RegimenWorkspace(context.FileSystem, formularies), path, patient, format);
        if (result.Unreadable is { } unreadable)
        {
            return context.Unreadable(unreadable);
        }
        context.Error.Write(DiagnosticWriters.Text(result.Diagnostics, color));
        if (result.Text is not { } text)
        {
            return ExitCodes.Findings;
        }
        int emitted = context.Emit(text, outputFile);
        // A warning the configuration made an error fails the run, as it fails 'check'.
        return emitted == ExitCodes.Ok && result.HasErrors ? ExitCodes.Findings : emitted;
    }
}
