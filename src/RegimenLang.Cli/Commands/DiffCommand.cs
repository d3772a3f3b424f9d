using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen diff OLD NEW</c>: what changes for the patient between two versions of a regimen (the library's <see cref="DiffRun"/>).</summary>
public static class DiffCommand
{
    public const string Summary = "What changes for the patient between two versions of a regimen (files or git revisions REV:path).";

    public const string Details = """

        Both versions are expanded for the same patient and start (the patient options are those of 'expand') and compared:
        administrations added, removed, moved (same drug and dose at another date or time) or re-dosed (same drug on the
        same date with another dose), drug totals per cycle and for the plan before and after, and checker findings that
        appear or disappear. OLD and NEW are files or git revisions of a file, REV:path as git names them
        (HEAD~1:regimens/x.regimen; ./x.regimen is relative to the current folder), read with 'git show'. Each side is
        checked with the regimen.yaml and formulary of the working tree where it lies. Findings of the checker for the
        patient do not stop the comparison (they are compared); a version that cannot be expanded (a syntax error, a
        missing patient fact) is reported as path:line:col diagnostics.
        Exit status: 0 nothing changes for the patient, 1 something does, 2 usage error, unreadable file or a version
        that cannot be expanded (so it works as a CI gate).

        Examples:
          regimen diff HEAD~1:regimens/08-hcvad-blina-frontline.regimen regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
          regimen diff old.regimen new.regimen --bsa 1.9 --age 54 --start 2026-01-05 --format md
          regimen diff main:x.regimen x.regimen --patient p.yaml --format json -o changes.json
        """;

    public static Command Create(CommandContext context)
    {
        var old = new Argument<string>("old") { Description = "The old version: a file, or REV:path." };
        var @new = new Argument<string>("new") { Description = "The new version: a file, or REV:path." };
        var patient = new PatientCliOptions();
        var format = CommonOptions.Format(OutputFormats.Diffs);
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var command = new Command("diff", Summary)
        {
            old, @new, format, formulary, output, noColor,
        };
        patient.AddTo(command);
        command.SetAction(parse => patient.Run(parse, context, source =>
            Run(context, parse.GetValue(old)!, parse.GetValue(@new)!, source!, parse.GetValue(format) ?? "text", parse.GetValue(formulary) ?? [],
                parse.GetValue(output), context.Color(parse.GetValue(noColor)))));
        return command;
    }

    public static int Run(CommandContext context, string old, string @new, PatientSource patient, string format, IReadOnlyList<string> formularies,
        string? outputFile, bool color = false)
    {
        var result = DiffRun.Run(context.FileSystem, formularies, old, @new, patient, Directory.GetCurrentDirectory());
        if (result.Unreadable is { } unreadable)
        {
            context.UsageError(unreadable);
            return ExitCodes.Usage;
        }
        context.Error.Write(DiagnosticWriters.Text(result.Diagnostics, color));
        if (result.Diff is not { } diff)
        {
            context.UsageError("the versions could not both be expanded; nothing was compared");
            return ExitCodes.Usage;
        }
        int emitted = context.Emit(OutputFormats.Find(OutputFormats.Diffs, format).Write(diff), outputFile);
        return emitted != ExitCodes.Ok ? emitted : diff.IsEmpty ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
