using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen fix PATH... [--check] [--diff]</c>: apply the mechanical fixes the findings carry (the library's <see cref="FixRun"/>).</summary>
public static class FixCommand
{
    public const string Summary = "Apply the mechanical fixes of the findings (--check and --diff write nothing).";

    public const string Details = """

        Fixes: a naked decimal (.5 -> 0.5) or a trailing one (2. -> 2), a trailing zero (2.0 -> 2), ug and µg -> mcg,
        U and IU -> units, qd -> daily, qod -> the days themselves, a missing cap on a capped drug dosed per m2 or per
        kg, a typographic dash or quote, and "did you mean" when there is exactly one candidate. Files are replaced
        atomically and keep their permissions; run 'regimen fmt' afterwards to put clauses in their canonical order.
        Exit status: 0 done (or nothing to fix), 1 a file would change (--check, --diff) or could not be read as a
        regimen, 2 usage error or unreadable path.

        Examples:
          regimen fix regimens
          regimen fix --diff my-protocol.regimen
        """;

    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.Paths();
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that have fixes and exit 1 if any has." };
        var diff = new Option<bool>("--diff") { Description = "Write nothing; print a unified diff of the fixes (exit 1 if there are any)." };
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var command = new Command("fix", Summary)
        {
            paths, check, diff, formulary, output, noColor,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(check), parse.GetValue(diff), parse.GetValue(formulary) ?? [],
            parse.GetValue(output), context.Color(parse.GetValue(noColor))));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, bool check, bool diff, IReadOnlyList<string> formularies,
        string? outputFile = null, bool color = false)
    {
        var collected = SourceFiles.Collect(context.FileSystem, paths);
        foreach (var (path, reason) in collected.Unreadable)
        {
            context.UsageError($"cannot read {path}: {reason}");
        }
        if (collected.Files.Count == 0 && collected.Unreadable.Count == 0)
        {
            context.UsageError($"no *.regimen files under {string.Join(", ", paths)}");
            return ExitCodes.Usage;
        }
        bool writing = !check && !diff;
        var results = FixRun.Run(new RegimenWorkspace(context.FileSystem, formularies), collected.Files, writing);
        bool usage = collected.Unreadable.Count > 0, findings = false;
        int fixes = 0, files = 0;
        var report = new System.Text.StringBuilder();
        foreach (var result in results)
        {
            report.Append(DiagnosticWriters.Text(result.Problems, color));
            findings |= result.Problems.Count > 0;
            if (result.Error is { } error)
            {
                context.UsageError(error);
                usage = true;
                continue;
            }
            if (result.Applied == 0)
            {
                continue;
            }
            fixes += result.Applied;
            files++;
            if (diff)
            {
                report.Append(result.Diff);
            }
            else if (check)
            {
                report.Append(result.Path).Append('\n');
            }
            findings |= !writing;
        }
        if (context.Emit(report.ToString(), outputFile) is var emitted && emitted != ExitCodes.Ok)
        {
            return emitted;
        }
        context.Error.WriteLine($"{(writing ? "applied" : "would apply")} {Words.Count(fixes, "fix", "fixes")} in {Words.Count(files, "file")}");
        return usage ? ExitCodes.Usage : findings ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
