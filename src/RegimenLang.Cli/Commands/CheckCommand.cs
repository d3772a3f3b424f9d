using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen check PATH...</c>: parse and check files and folders.</summary>
public static class CheckCommand
{
    public const string Summary = "Parse and check regimen files: syntax, names, schedule, dose limits, intervals and notation.";

    public const string Details = """

        Text output is one line per finding: path:line:col: severity CODE: message. Settings come from the nearest
        regimen.yaml above each file, up to the root of its repository (rule severities, formulary files);
        '# regimen-disable-next-line CODE -- reason' silences a finding on the next line. Without a patient, doses are
        compared with limits in like units (mg/m2 with mg/m2); with --patient (or the patient flags) computed absolute
        doses are checked too. --staged checks what is staged in git (regimen files, regimen.yaml and formularies all
        read from the index): the form a pre-commit hook uses.
        Exit status: 0 clean or warnings only, 1 errors (or warnings with --warnings-as-errors), 2 usage error or unreadable path.

        Examples:
          regimen check regimens
          regimen check my-protocol.regimen --format sarif -o results.sarif
          regimen check regimens --formulary local-drugs.yaml --warnings-as-errors
          regimen check regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
          regimen check --staged
        """;

    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.PathsOrStaged();
        var format = CommonOptions.Format(OutputFormats.Diagnostics);
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 when there are warnings, not only errors." };
        var staged = CommonOptions.Staged();
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var patient = new PatientCliOptions();

        var command = new Command("check", Summary)
        {
            paths, format, warningsAsErrors, staged, formulary, output, noColor,
        };
        patient.AddTo(command);
        command.SetAction(parse =>
        {
            PatientSource? source = null;
            if (patient.AnyGiven(parse))
            {
                var (read, error) = patient.Read(parse, PatientCliOptions.Today());
                if (error is not null)
                {
                    context.UsageError(error);
                    return ExitCodes.Usage;
                }
                source = read;
            }
            return Run(context, new CheckArguments(parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(warningsAsErrors),
                parse.GetValue(formulary) ?? [], parse.GetValue(output), source, parse.GetValue(staged), context.Color(parse.GetValue(noColor))));
        });
        return command;
    }

    public sealed record CheckArguments(
        IReadOnlyList<string> Paths, string Format, bool WarningsAsErrors, IReadOnlyList<string> Formularies, string? OutputFile,
        PatientSource? Patient = null, bool Staged = false, bool Color = false);

    public static int Run(CommandContext context, CheckArguments arguments)
    {
        var paths = arguments.Paths;
        using var index = arguments.Staged ? context.OpenStaged() : null;
        if (arguments.Staged && index is null)
        {
            return ExitCodes.Usage;
        }
        if (index is not null && paths.Count == 0)
        {
            paths = [index.Root];
        }
        else if (paths.Count == 0)
        {
            context.UsageError("name the files or folders to check (or use --staged)");
            return ExitCodes.Usage;
        }
        IFileSystem fileSystem = index is null ? context.FileSystem : index;

        var workspace = new RegimenWorkspace(fileSystem, arguments.Formularies);
        var report = CheckRun.Run(workspace, paths, arguments.Patient);
        foreach (var (path, reason) in report.Unreadable)
        {
            context.UsageError($"cannot read {path}: {reason}");
        }
        if (report.Files.Count == 0 && report.Unreadable.Count == 0 && !arguments.Staged)
        {
            context.UsageError($"no *.regimen files under {string.Join(", ", paths)}");
            return ExitCodes.Usage;
        }

        var diagnostics = report.AllDiagnostics.ToList();
        var counts = report.Counts;
        var document = new DiagnosticsDocument(report.Files, diagnostics, Directory.GetCurrentDirectory(), arguments.Color && arguments.OutputFile is null, counts);
        int emitted = context.Emit(OutputFormats.Find(OutputFormats.Diagnostics, arguments.Format).Write(document), arguments.OutputFile);
        if (emitted != ExitCodes.Ok)
        {
            return emitted;
        }
        if (arguments.Format == "text" || arguments.OutputFile is not null)
        {
            context.Error.WriteLine($"checked {Words.Count(report.Files.Count, "file")}: {Words.Count(counts.Errors, "error")}, {Words.Count(counts.Warnings, "warning")}");
        }
        if (report.Unreadable.Count > 0)
        {
            return ExitCodes.Usage;
        }
        return counts.Errors > 0 || (arguments.WarningsAsErrors && counts.Warnings > 0) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
