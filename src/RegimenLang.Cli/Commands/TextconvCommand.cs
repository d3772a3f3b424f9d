using System.CommandLine;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen textconv FILE</c>: the timeline text git diffs for a regimen file (the library's <see cref="TextconvRun"/>).</summary>
public static class TextconvCommand
{
    public const string Summary = "The timeline of a regimen file as text for 'git diff' (a git textconv filter; see README 'Reviewing changes').";

    public const string Details = """

        Prints the table of 'expand' without the file name (findings first when the checks find errors), or the findings
        when the file cannot be expanded, and exits 0 either way, so that git shows every version. The patient comes from
        the patient options (as for 'expand'); without any, from X.patient.yaml beside X.regimen when there is one.
        Set it up once per repository:
          .gitattributes:  *.regimen diff=regimen
          git config diff.regimen.textconv "regimen textconv --patient reference.patient.yaml --start 2026-01-05"
        Exit status: 0, or 2 when the file or the patient file cannot be read.

        Examples:
          regimen textconv regimens/08-hcvad-blina-frontline.regimen --patient regimens/08-hcvad-blina-frontline.patient.yaml
        """;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file (git passes it)." };
        var patient = new PatientCliOptions();
        var command = new Command("textconv", Summary) { file };
        patient.AddTo(command);
        command.SetAction(parse => patient.Run(parse, context, source =>
        {
            string path = parse.GetValue(file)!;
            if (!patient.AnyGiven(parse) && SiblingPatient(context, path) is { } sibling)
            {
                source = source! with { File = sibling };
            }
            string? text = TextconvRun.Run(new RegimenWorkspace(context.FileSystem), path, source!, out string? unreadable);
            if (text is null)
            {
                context.UsageError(unreadable!);
                return ExitCodes.Usage;
            }
            context.Out.Write(text);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string? SiblingPatient(CommandContext context, string path)
    {
        string stem = path.EndsWith(SourceFiles.Extension, StringComparison.Ordinal) ? path[..^SourceFiles.Extension.Length] : path;
        string candidate = stem + SnapshotRun.PatientExtension;
        return context.FileSystem.IsFile(candidate) ? candidate : null;
    }
}
