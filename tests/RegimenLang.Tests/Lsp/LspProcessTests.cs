using System.Diagnostics;
using System.Text;
using System.Text.Json;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Lsp;

/// <summary>
/// <c>regimen lsp</c> as an editor runs it: the built CLI in its own process, spoken to over its standard input and
/// output with LSP framing. (editors/vscode/test/e2e drives the same process with VS Code's own protocol library.)
/// </summary>
public sealed class LspProcessTests
{
    [Fact]
    public async Task The_cli_serves_a_session_over_stdio_and_exits_cleanly()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "regimen.dll"));
        info.ArgumentList.Add("lsp");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        try
        {
            string uri = new Uri(RepoPaths.Combine("regimens", "01-blinatumomab-rr.regimen")).AbsoluteUri;
            string text = File.ReadAllText(RepoPaths.Combine("regimens", "01-blinatumomab-rr.regimen")).Replace("blinatumomab", "blinatumomob", StringComparison.Ordinal);
            await Send(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}""");
            var init = await Next(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 1);
            Assert.Equal("regimen", init.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
            await Send(input, """{"jsonrpc":"2.0","method":"initialized","params":{}}""");
            await Send(input, JsonSerializer.Serialize(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "regimen", version = 1, text } } }));
            var published = await Next(output, m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics");
            var codes = published.GetProperty("params").GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
            Assert.Contains("RL1001", codes); // the misspelt drug: unknown, with a "did you mean"
            await Send(input, """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
            await Next(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 2);
            await Send(input, """{"jsonrpc":"2.0","method":"exit"}""");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public void Help_explains_the_command_and_a_bad_debounce_is_a_usage_error()
    {
        var (exit, output, _) = RegimenLang.Tests.Cli.CliRunner.Run("lsp", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("regimen lsp", output, StringComparison.Ordinal);
        var (bad, _, error) = RegimenLang.Tests.Cli.CliRunner.Run("lsp", "--debounce-ms", "-5");
        Assert.Equal(2, bad);
        Assert.Contains("--debounce-ms", error, StringComparison.Ordinal);
    }

    private static async Task Send(Stream input, string json)
    {
        await MessageFraming.WriteAsync(input, Encoding.UTF8.GetBytes(json));
    }

    private static async Task<JsonElement> Next(Stream output, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var frame = await MessageFraming.ReadAsync(output, timeout.Token) ?? throw new EndOfStreamException("the server closed its output");
            var message = JsonDocument.Parse(frame).RootElement.Clone();
            if (wanted(message))
            {
                return message;
            }
        }
    }
}
