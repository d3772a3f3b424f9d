using System.CommandLine;
using RegimenLang.Output;

namespace RegimenLang.Cli.Commands;

/// <summary>Options shared by several commands, built fresh for each command (System.CommandLine owns its symbols).</summary>
public static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Regimen files, or folders searched recursively for *.regimen.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>The paths of a command that also takes <c>--staged</c>, where they may be left out.</summary>
    public static Argument<string[]> PathsOrStaged() => new("paths")
    {
        Description = "Regimen files, or folders searched recursively for *.regimen (with --staged: the folders to look in, default all).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string[]> Formulary() => new("--formulary")
    {
        Description = "A formulary YAML file that extends the built-in one (repeatable; later files override earlier entries).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> OutputFile() => new("--output", "-o")
    {
        Description = "Write to this file (atomically) instead of standard output.",
    };

    public static Option<bool> Staged() => new("--staged")
    {
        Description = "Read what is staged in git (regimen files, regimen.yaml and formularies alike) instead of the working tree: the form a pre-commit hook uses.",
    };

    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "Never colour the output (colour is used only on a terminal, and never when NO_COLOR is set).",
    };

    /// <summary>A <c>--format</c> option whose choices are the registry's formats of that kind; the first is the default.</summary>
    public static Option<string> Format<T>(IReadOnlyList<OutputFormat<T>> formats)
    {
        var names = OutputFormats.Names(formats);
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", formats.Select(f => $"{f.Name} ({f.Description})")) + ".",
            DefaultValueFactory = _ => names[0],
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }
}
