using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen ast FILE</c>: the typed syntax tree as JSON or YAML.</summary>
public static class AstCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The regimen file." };
        var format = CommonOptions.Format("json", "json", "yaml");
        var output = CommonOptions.OutputFile();
        var command = new Command("ast", """
            Print the typed syntax tree of a regimen file: every node with its kind and span [line, column, length].
            Syntax errors are printed as diagnostics on standard error (exit 1); the tree of what parsed is still printed.

            Examples:
              regimen ast regimens/01-blinatumomab-rr.regimen
              regimen ast regimens/11-pomp-maintenance.regimen --format yaml -o pomp.ast.yaml
            """)
        {
            file, format, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(file)!, parse.GetValue(format) ?? "json", parse.GetValue(output)));
        return command;
    }

    public static int Run(CommandContext context, string path, string format, string? outputFile)
    {
        var read = SourceFileReader.Read(path);
        if (read.Unreadable)
        {
            context.Error.WriteLine($"regimen: cannot read {path}");
            return ExitCodes.Usage;
        }
        if (read.Source is null)
        {
            context.Error.WriteLine(read.Problem);
            return ExitCodes.Findings;
        }
        var result = RegimenParser.Parse(read.Source);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(diagnostic);
        }
        var tree = AstTreeBuilder.Build(result.Document);
        int emitted = context.Emit(format == "yaml" ? YamlTreeWriter.Write(tree) : JsonTreeWriter.Write(tree), outputFile);
        return emitted != ExitCodes.Ok ? emitted : result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
