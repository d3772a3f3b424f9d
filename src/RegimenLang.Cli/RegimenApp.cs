using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RegimenLang.Cli.Commands;
using RegimenLang.Formulary.BuiltIn;
using RegimenLang.Workspace;

namespace RegimenLang.Cli;

/// <summary>The command tree. Each command lives in Commands/ and holds no domain logic.</summary>
public static class RegimenApp
{
    public static RootCommand CreateRoot(CommandContext context)
    {
        var root = new RootCommand("""
            regimen: check, expand and format oncology treatment regimens written as text.
            Regimen files need local clinical validation before use with patients.
            'regimen <command> --help' explains a command, with examples.
            """);
        var details = new Dictionary<Command, string>(ReferenceEqualityComparer.Instance);
        void Add(Command command, string detail)
        {
            root.Subcommands.Add(command);
            details[command] = detail;
        }
        Add(CheckCommand.Create(context), CheckCommand.Details);
        Add(ExpandCommand.Create(context), ExpandCommand.Details);
        Add(FmtCommand.Create(context), FmtCommand.Details);
        Add(FixCommand.Create(context), FixCommand.Details);
        Add(SnapshotCommand.Create(context), SnapshotCommand.Details);
        Add(DiffCommand.Create(context), DiffCommand.Details);
        Add(TextconvCommand.Create(context), TextconvCommand.Details);
        Add(ExportCommand.Create(context), ExportCommand.Details);
        Add(AstCommand.Create(context), AstCommand.Details);
        Add(ExplainCommand.Create(context), ExplainCommand.Details);
        Add(FormularyCommand.Create(context), FormularyCommand.Details);
        Add(LspCommand.Create(context), LspCommand.Details);

        // The list of commands shows each one's summary; a command's own --help adds its conventions and examples.
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction help)
            {
                option.Action = new DetailedHelp(help, details);
            }
        }
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, bool isTerminal = false, bool noColorEnvironment = false) =>
        Run(args, new CommandContext(output, error, PhysicalFileSystem.Instance, isTerminal, noColorEnvironment));

    public static int Run(string[] args, CommandContext context)
    {
        // Every command checks against the formulary the build compiled: no YAML is parsed at start-up.
        CompiledFormulary.Install();
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        // Our own handler below replaces System.CommandLine's, which prints a stack trace.
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        // With --help the parser clears its errors, so a misspelt command is found here: a first word that
        // names no command must not print the root help and exit 0 as if it had been understood.
        string? firstWord = args.FirstOrDefault(a => !a.StartsWith('-'));
        bool unknownCommand = parse.Errors.Any(e => e.Message.Contains("Unrecognized command", StringComparison.OrdinalIgnoreCase))
            || (parse.CommandResult.Command == root && (parse.UnmatchedTokens.Count > 0 || firstWord is not null));
        // A command whose paths may be many takes "--bogus" as a path; an option-like word before "--" is a misspelt option.
        var unknownOption = parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash)
            .FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.Length > 1 && t.Value.StartsWith('-') && !IsNumber(t.Value));
        if (unknownOption is not null && !IsHelpRequest(args))
        {
            context.UsageError($"unknown option '{unknownOption.Value}' (a file whose name starts with '-' goes after '--')");
            context.Error.WriteLine($"Run 'regimen {parse.CommandResult.Command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        if ((parse.Errors.Count > 0 || unknownCommand) && (unknownCommand || !IsHelpRequest(args)))
        {
            // System.CommandLine exits 1 on usage errors; the documented contract is 2.
            foreach (var e in parse.Errors)
            {
                context.UsageError(e.Message);
            }
            if (parse.Errors.Count == 0)
            {
                context.UsageError($"'{firstWord}' is not a regimen command");
            }
            context.Error.WriteLine("Run 'regimen --help' or 'regimen <command> --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            context.UsageError(Unwrap(e).Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input (bad input is always a diagnostic): say so plainly, without a stack
            // trace, and fail so that a hook or CI never passes on a half-done run.
            var inner = Unwrap(e);
            context.Error.WriteLine($"regimen: internal error, please report it with the file that caused it: {inner.GetType().Name}: {inner.Message}");
            return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : e;

    private static bool IsNumber(string text) => decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>The standard help, then, for a command's own help, its conventions and examples.</summary>
    private sealed class DetailedHelp(HelpAction inner, IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                parseResult.InvocationConfiguration.Output.Write(text.TrimStart('\n', '\r') + "\n");
            }
            return code;
        }
    }
}
