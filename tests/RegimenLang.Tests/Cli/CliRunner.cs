using RegimenLang.Cli;

namespace RegimenLang.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output.</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = RegimenApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
