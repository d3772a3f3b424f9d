using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen explain CODE</c>: the documentation of a diagnostic code.</summary>
public static class ExplainCommand
{
    public static Command Create(CommandContext context)
    {
        var code = new Argument<string?>("code")
        {
            Description = "A diagnostic code such as RL1001; without one, the list of all codes.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("explain", """
            Print what a diagnostic code means, an example that triggers it and the fix. Without a code, list every code.

            Examples:
              regimen explain RL1001
              regimen explain
            """)
        {
            code,
        };
        command.SetAction(parse => Run(context, parse.GetValue(code)));
        return command;
    }

    public static int Run(CommandContext context, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            foreach (var d in DiagnosticCatalog.All)
            {
                context.Out.WriteLine($"{d.Code}  {d.DefaultSeverity.ToName(),-7}  {d.Title}");
            }
            return ExitCodes.Ok;
        }
        var descriptor = DiagnosticCatalog.Find(code);
        if (descriptor is null)
        {
            context.Error.WriteLine($"regimen: '{code}' is not a diagnostic code; 'regimen explain' lists them all");
            return ExitCodes.Usage;
        }
        context.Out.Write(DiagnosticWriters.Explain(descriptor));
        return ExitCodes.Ok;
    }
}
