using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen check PATH...</c>: parse and check files and folders.</summary>
public static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Regimen files, or folders searched recursively for *.regimen.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format("text", "text", "json");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 when there are warnings, not only errors." };
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();

        var command = new Command("check", """
            Parse and check regimen files; print one line per finding as path:line:col: severity CODE: message.
            Exit status: 0 clean or warnings only, 1 errors (or warnings with --warnings-as-errors), 2 usage error or unreadable path.

            Examples:
              regimen check regimens
              regimen check my-protocol.regimen --format json
              regimen check regimens --formulary local-drugs.yaml --warnings-as-errors
            """)
        {
            paths, format, warningsAsErrors, formulary, output, CommonOptions.NoColor(),
        };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(paths) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(warningsAsErrors),
            parse.GetValue(formulary),
            parse.GetValue(output)));
        return command;
    }

    public static int Run(CommandContext context, string[] paths, string format, bool warningsAsErrors, string[]? formularyFiles, string? outputFile)
    {
        var (formulary, formularyExit) = FormularyOption.Load(formularyFiles, context);
        if (formulary is null)
        {
            return formularyExit;
        }
        var collected = SourceFiles.Collect(paths);
        foreach (var missing in collected.Missing)
        {
            context.Error.WriteLine($"regimen: cannot read {missing}: no such file or folder");
        }

        // Files are independent: check them in parallel, report them in the collected (sorted) order.
        var results = collected.Files
            .AsParallel().AsOrdered()
            .Select(file => Compilation.CheckFile(file, formulary))
            .ToList();

        bool unreadable = false;
        foreach (var result in results.Where(r => r.Unreadable))
        {
            context.Error.WriteLine($"regimen: cannot read {result.Path}");
            unreadable = true;
        }

        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        string text = format == "json"
            ? JsonTreeWriter.Write(DiagnosticWriters.Tree(collected.Files, diagnostics))
            : DiagnosticWriters.Text(diagnostics);
        int emitted = context.Emit(text, outputFile);
        if (emitted != ExitCodes.Ok)
        {
            return emitted;
        }

        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        if (format == "text")
        {
            context.Error.WriteLine($"checked {collected.Files.Count} file{(collected.Files.Count == 1 ? "" : "s")}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
        }

        if (collected.Missing.Count > 0 || unreadable || (collected.Files.Count == 0 && paths.Length > 0 && collected.Missing.Count == 0 && NoRegimenFiles(context, paths)))
        {
            return ExitCodes.Usage;
        }
        return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static bool NoRegimenFiles(CommandContext context, string[] paths)
    {
        context.Error.WriteLine($"regimen: no *.regimen files under {string.Join(", ", paths)}");
        return true;
    }
}
