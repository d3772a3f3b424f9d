using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen explain CODE</c>: the documentation of a diagnostic code.</summary>
public static class ExplainCommand
{
    public const string Summary = "Print what a diagnostic code means, an example that triggers it and the fix.";

    public const string Details = """

        Without a code, list every code with its default severity and title.

        Examples:
          regimen explain RL1001
          regimen explain
        """;

    public static Command Create(CommandContext context)
    {
        var code = new Argument<string?>("code")
        {
            Description = "A diagnostic code such as RL1001; without one, the list of all codes.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = CommonOptions.OutputFile();
        var command = new Command("explain", Summary)
        {
            code, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(code), parse.GetValue(output)));
        return command;
    }

    public static int Run(CommandContext context, string? code, string? outputFile = null)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return context.Emit(string.Concat(DiagnosticCatalog.All.Select(d => $"{d.Code}  {d.DefaultSeverity.ToName(),-7}  {d.Title}\n")), outputFile);
        }
        var descriptor = DiagnosticCatalog.Find(code);
        if (descriptor is null)
        {
            context.UsageError($"'{code}' is not a diagnostic code; 'regimen explain' lists them all");
            return ExitCodes.Usage;
        }
        return context.Emit(DiagnosticWriters.Explain(descriptor), outputFile);
    }
}
