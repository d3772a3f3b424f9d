using System.CommandLine;
using RegimenLang.Lsp;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen lsp</c>: the language server for editors, over standard input and output.</summary>
public static class LspCommand
{
    public const string Summary = "Run the language server (LSP over standard input and output) for editors.";

    public const string Details = """

        Speaks the Language Server Protocol on standard input and output (JSON-RPC with Content-Length headers) and logs
        to standard error. An editor starts it; it is not meant to be typed. Findings are those of 'regimen check';
        hovers and inlay hints compute doses for the reference patient, the file's sibling X.patient.yaml.
        Exit status: 0 after the client's shutdown and exit, 1 when the input ends without them.

        Examples:
          regimen lsp
          regimen lsp --formulary local-drugs.yaml --debounce-ms 50
        """;

    public static Command Create(CommandContext context)
    {
        var formulary = CommonOptions.Formulary();
        var debounce = new Option<int>("--debounce-ms")
        {
            Description = "Wait this long after a change before checking (changes that arrive meanwhile are checked once). Default 0: check at once, coalescing changes that arrive during a check.",
            DefaultValueFactory = _ => 0,
        };
        var docsUrl = new Option<string?>("--docs-url")
        {
            Description = "Base URL of the diagnostics pages (RLxxxx.md), linked from each finding. Default: the docs/diagnostics folder above the file, if any.",
        };
        var stdio = new Option<bool>("--stdio") { Description = "Use standard input and output (the only transport; accepted for clients that pass it)." };
        var command = new Command("lsp", Summary) { formulary, debounce, docsUrl, stdio };
        command.SetAction(parse =>
        {
            int ms = parse.GetValue(debounce);
            if (ms is < 0 or > 10_000)
            {
                context.UsageError("--debounce-ms must be between 0 and 10000");
                return ExitCodes.Usage;
            }
            var options = new LanguageServerOptions(TimeSpan.FromMilliseconds(ms), parse.GetValue(formulary) ?? [], parse.GetValue(docsUrl));
            using var input = new BufferedStream(Console.OpenStandardInput());
            using var output = Console.OpenStandardOutput();
            using var server = new RegimenLanguageServer(input, output, context.Error, context.FileSystem, options);
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
