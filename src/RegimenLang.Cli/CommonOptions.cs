using System.CommandLine;

namespace RegimenLang.Cli;

/// <summary>Options shared by several commands, built fresh for each command (System.CommandLine owns its symbols).</summary>
public static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Regimen files, or folders searched recursively for *.regimen.",
        Arity = ArgumentArity.OneOrMore,
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

    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "Never colour the output (output is plain unless a terminal asks for colour).",
    };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", allowed)}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
