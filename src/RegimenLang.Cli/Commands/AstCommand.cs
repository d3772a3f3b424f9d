using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen ast FILE</c>: the typed syntax tree as JSON or YAML.</summary>
public static class AstCommand
{
    public const string Summary = "Print the typed syntax tree of a regimen file, every node with its span.";

    public const string Details = """

        Every node has its kind and span [line, column, length]. A line with an error is in the tree too, as an
        error node with its tokens (or, for an administration line, with the parts that were read). Syntax errors are
        printed as diagnostics on standard error (exit 1); the tree is still printed.

        Examples:
          regimen ast regimens/01-blinatumomab-rr.regimen
          regimen ast regimens/11-pomp-maintenance.regimen --format yaml -o pomp.ast.yaml
        """;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file." };
        var format = CommonOptions.Format(OutputFormats.Trees);
        var output = CommonOptions.OutputFile();
        var noColor = CommonOptions.NoColor();
        var command = new Command("ast", Summary)
        {
            file, format, output, noColor,
        };
        command.SetAction(parse => Run(context, parse.GetValue(file)!, parse.GetValue(format) ?? "json", parse.GetValue(output), context.Color(parse.GetValue(noColor))));
        return command;
    }

    public static int Run(CommandContext context, string path, string format, string? outputFile, bool color = false)
    {
        var load = new RegimenWorkspace(context.FileSystem).Load(path);
        if (load.Unreadable is { } unreadable)
        {
            context.UsageError($"cannot read {path}: {unreadable.Reason}");
            return ExitCodes.Usage;
        }
        if (load.Compilation is not { } compilation)
        {
            context.Error.Write(DiagnosticWriters.Text([load.Problem!], color));
            return ExitCodes.Findings;
        }
        var syntax = compilation.Syntax;
        var findings = compilation.SyntaxDiagnostics;
        context.Error.Write(DiagnosticWriters.Text(findings, color));
        var tree = AstTreeBuilder.Build(syntax.Document);
        int emitted = context.Emit(OutputFormats.Find(OutputFormats.Trees, format).Write(tree), outputFile);
        return emitted != ExitCodes.Ok ? emitted : findings.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
