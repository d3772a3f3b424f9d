using System.CommandLine;
using RegimenLang.Cli.Commands;

namespace RegimenLang.Cli;

/// <summary>The command tree. Each command lives in Commands/ and holds no domain logic.</summary>
public static class RegimenApp
{
    public static RootCommand CreateRoot(CommandContext context) => new("""
        regimen: check, expand and format oncology treatment regimens written as text.
        Regimen files need local clinical validation before use with patients.
        """)
    {
        CheckCommand.Create(context),
        AstCommand.Create(context),
        ExplainCommand.Create(context),
        ExpandCommand.Create(context),
        SnapshotCommand.Create(context),
        FmtCommand.Create(context),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CommandContext(output, error);
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        // Our own handler below replaces System.CommandLine's, which prints a stack trace.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            // System.CommandLine exits 1 on usage errors; the documented contract is 2.
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"regimen: {e.Message}");
            }
            error.WriteLine("Run 'regimen --help' or 'regimen <command> --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"regimen: {Unwrap(e).Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input (bad input is always a diagnostic): say so plainly, without a stack
            // trace, and fail so that a hook or CI never passes on a half-done run.
            var inner = Unwrap(e);
            error.WriteLine($"regimen: internal error, please report it with the file that caused it: {inner.GetType().Name}: {inner.Message}");
            return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : e;

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
