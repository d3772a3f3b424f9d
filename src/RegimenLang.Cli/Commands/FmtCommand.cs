using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen fmt PATH... [--check] [--diff]</c>: rewrite regimen files in canonical form (the library's <see cref="FormatRun"/>).</summary>
public static class FmtCommand
{
    public const string Summary = "Rewrite regimen files in the canonical layout (--check and --diff write nothing).";

    public const string Details = """

        Clauses in the order they act (round to before cap), one space between tokens, two-space indentation in
        blocks, keywords in canonical spelling, numbers, names and comments as written, LF line endings. A file with
        syntax errors is never written (its errors are printed). Files are replaced atomically and keep their
        permissions. Exit status: 0 done (or nothing to change), 1 a file has syntax errors or would change (--check,
        --diff), 2 usage error or unreadable path.

        A repository of regimen files keeps them LF with this line in .gitattributes:
          *.regimen text eol=lf

        Examples:
          regimen fmt regimens
          regimen fmt --check regimens
          regimen fmt --diff my-protocol.regimen
          regimen fmt --check --staged
        """;

    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.PathsOrStaged();
        var staged = CommonOptions.Staged();
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that would change and exit 1 if any would." };
        var diff = new Option<bool>("--diff") { Description = "Write nothing; print a unified diff of the changes (exit 1 if any file would change)." };
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var command = new Command("fmt", Summary)
        {
            paths, check, diff, staged, output, noColor,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(check), parse.GetValue(diff), parse.GetValue(output),
            context.Color(parse.GetValue(noColor)), parse.GetValue(staged)));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, bool check, bool diff, string? outputFile = null, bool color = false, bool staged = false)
    {
        if (staged && !check && !diff)
        {
            context.UsageError("--staged needs --check or --diff: the staged files are not rewritten");
            return ExitCodes.Usage;
        }
        using var index = staged ? context.OpenStaged() : null;
        if (staged && index is null)
        {
            return ExitCodes.Usage;
        }
        if (paths.Count == 0 && index is null)
        {
            context.UsageError("name the files or folders to format (or use --staged with --check)");
            return ExitCodes.Usage;
        }
        IFileSystem fileSystem = index is null ? context.FileSystem : index;
        paths = paths.Count == 0 ? [index!.Root] : paths;
        var collected = SourceFiles.Collect(fileSystem, paths);
        foreach (var (path, reason) in collected.Unreadable)
        {
            context.UsageError($"cannot read {path}: {reason}");
        }
        if (collected.Files.Count == 0 && collected.Unreadable.Count == 0 && index is null)
        {
            context.UsageError($"no *.regimen files under {string.Join(", ", paths)}");
            return ExitCodes.Usage;
        }

        bool writing = !check && !diff;
        var results = FormatRun.Run(new RegimenWorkspace(fileSystem), collected.Files, writing, diffs: diff);
        bool usage = collected.Unreadable.Count > 0, findings = false, internalError = false;
        int changed = 0, refused = 0;
        var report = new System.Text.StringBuilder();
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case FormatOutcome.Refused:
                    report.Append(DiagnosticWriters.Text(result.Diagnostics, color));
                    context.UsageError(result.Diagnostics.Any(d => d.Code == DiagnosticCatalog.LineTooLong.Code)
                        ? $"{result.Path} has a line that would be too long once indented; not formatted"
                        : $"{result.Path} has syntax errors; not formatted");
                    refused++;
                    findings = true;
                    break;
                case FormatOutcome.Unreadable or FormatOutcome.NotWritten:
                    context.UsageError(result.Error!);
                    usage = true;
                    break;
                case FormatOutcome.InternalError:
                    // The safety net caught a formatter bug: the file is left as it was, and the run says it failed.
                    context.UsageError(result.Error!);
                    internalError = true;
                    break;
                case FormatOutcome.Changed:
                    changed++;
                    if (diff)
                    {
                        report.Append(result.Diff);
                    }
                    else if (check)
                    {
                        report.Append(result.Path).Append('\n');
                    }
                    if (result.Note is { } note && !writing)
                    {
                        context.Error.WriteLine($"{result.Path}: {note}");
                    }
                    findings |= !writing;
                    break;
            }
        }
        if (context.Emit(report.ToString(), outputFile) is var emitted && emitted != ExitCodes.Ok)
        {
            return emitted;
        }
        int failed = results.Count(r => r.Outcome == FormatOutcome.NotWritten);
        int total = collected.Files.Count;
        string verb = writing ? "reformatted" : "would reformat";
        context.Error.WriteLine($"{verb} {changed} of {Words.Count(total, "file")}"
            + (refused > 0 ? $"; {refused} not formatted (errors)" : "") + (failed > 0 ? $"; {failed} could not be written" : ""));
        return internalError ? ExitCodes.InternalError : usage ? ExitCodes.Usage : findings ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
