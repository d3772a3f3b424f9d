using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Binding;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen check PATH...</c>: parse and check files and folders.</summary>
public static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "text", "json", "sarif");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 when there are warnings, not only errors." };
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var patient = new PatientCliOptions();

        var command = new Command("check", """
            Parse and check regimen files: syntax, names, schedule, dose limits, intervals and notation.
            Text output is one line per finding: path:line:col: severity CODE: message. Settings come from the nearest
            regimen.yaml above each file (rule severities, formulary files); '# regimen-disable-next-line CODE -- reason'
            silences a finding on the next line. Without a patient, doses are compared with limits in like units
            (mg/m2 with mg/m2); with --patient (or the patient flags of 'expand') computed absolute doses are checked too.
            Exit status: 0 clean or warnings only, 1 errors (or warnings with --warnings-as-errors), 2 usage error or unreadable path.

            Examples:
              regimen check regimens
              regimen check my-protocol.regimen --format sarif -o results.sarif
              regimen check regimens --formulary local-drugs.yaml --warnings-as-errors
              regimen check regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
            """)
        {
            paths, format, warningsAsErrors, formulary, output, CommonOptions.NoColor(),
        };
        foreach (var option in patient.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            PatientSource? source = null;
            if (patient.AnyGiven(parse))
            {
                var (draft, options, error) = patient.Read(parse, PatientCliOptions.Today());
                if (error is not null)
                {
                    context.Error.WriteLine($"regimen: {error}");
                    return ExitCodes.Usage;
                }
                source = new PatientSource(parse.GetValue(patient.Patient), draft!, options!);
            }
            return Run(context, parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(warningsAsErrors),
                parse.GetValue(formulary), parse.GetValue(output), source);
        });
        return command;
    }

    /// <summary>The patient to check absolute doses for: a file and flags over it.</summary>
    public sealed record PatientSource(string? File, PatientDraft Flags, PatientOptions Options);

    public static int Run(CommandContext context, string[] paths, string format, bool warningsAsErrors, string[]? formularyFiles, string? outputFile,
        PatientSource? patientSource = null)
    {
        if (FormularyOption.Read(formularyFiles, context) is not { } extra)
        {
            return ExitCodes.Usage;
        }
        if (RegimenPaths.Collect(paths, context) is not { } collected)
        {
            return ExitCodes.Usage;
        }

        Func<BoundRegimen, List<Diagnostic>, Patient?>? patient = null;
        if (patientSource is not null)
        {
            var patientProblems = new List<Diagnostic>();
            var (draft, unreadablePatient) = Expansion.LoadPatient(patientSource.File, patientSource.Flags, patientProblems);
            if (unreadablePatient is not null)
            {
                context.Error.WriteLine($"regimen: cannot read {unreadablePatient}");
                return ExitCodes.Usage;
            }
            if (draft is null || patientProblems.Any(d => d.Severity == Severity.Error))
            {
                // The patient file has errors: report them; checking absolute doses without the patient would be silent.
                context.Out.Write(DiagnosticWriters.Text(patientProblems));
                return ExitCodes.Findings;
            }
            // The patient is built per regimen, because its inputs are typed by each regimen's declarations.
            patient = (bound, problems) => PatientBuilder.Build(draft, patientSource.Options, bound, problems);
        }

        var report = new CheckSession(extra, patient).Check(collected.Files);
        bool unreadable = false;
        foreach (var result in report.Files.Where(r => r.Unreadable))
        {
            context.Error.WriteLine($"regimen: cannot read {result.Path}");
            unreadable = true;
        }

        var diagnostics = report.AllDiagnostics.ToList();
        string text = format switch
        {
            "json" => JsonTreeWriter.Write(DiagnosticWriters.Tree(collected.Files, diagnostics)),
            "sarif" => JsonTreeWriter.Write(SarifWriter.Build(diagnostics, Directory.GetCurrentDirectory())),
            _ => DiagnosticWriters.Text(diagnostics),
        };
        int emitted = context.Emit(text, outputFile);
        if (emitted != ExitCodes.Ok)
        {
            return emitted;
        }

        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        if (format == "text" || outputFile is not null)
        {
            context.Error.WriteLine($"checked {collected.Files.Count} file{(collected.Files.Count == 1 ? "" : "s")}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
        }
        if (collected.Missing.Count > 0 || unreadable)
        {
            return ExitCodes.Usage;
        }
        return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
