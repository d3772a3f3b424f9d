using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegimenLang.Lsp;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Lsp;

/// <summary>
/// A scripted conversation with the server in this process: the client's messages are framed into one input stream,
/// the server runs until the input ends (publishing what its re-checks found), and every message it wrote is read back.
/// </summary>
public sealed class LspSession
{
    private readonly List<string> _messages = [];
    private int _nextId = 1;

    public int Request(string method, object? parameters = null)
    {
        int id = _nextId++;
        _messages.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) }.ToJsonString());
        return id;
    }

    public LspSession Notify(string method, object? parameters = null)
    {
        _messages.Add(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) }.ToJsonString());
        return this;
    }

    /// <summary>A frame with any content, well-formed JSON or not.</summary>
    public LspSession Raw(string content)
    {
        _messages.Add(content);
        return this;
    }

    public LspSession Initialize()
    {
        Request("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        return Notify("initialized", new JsonObject());
    }

    public LspSession Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "regimen", ["version"] = version, ["text"] = text },
        });

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public LspResult Run(IFileSystem? fileSystem = null, LanguageServerOptions? options = null)
    {
        var input = new MemoryStream();
        foreach (var message in _messages)
        {
            byte[] body = Encoding.UTF8.GetBytes(message);
            input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            input.Write(body);
        }
        input.Position = 0;
        var output = new MemoryStream();
        var log = new StringWriter();
        using var server = new RegimenLanguageServer(input, output, log, fileSystem ?? PhysicalFileSystem.Instance, options ?? LanguageServerOptions.Default);
        int exit = server.RunAsync().WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        output.Position = 0;
        var messages = new List<JsonElement>();
        while (MessageFraming.ReadAsync(output).GetAwaiter().GetResult() is { } frame)
        {
            messages.Add(JsonDocument.Parse(frame).RootElement.Clone());
        }
        return new LspResult(messages, exit, log.ToString());
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        _ => throw new ArgumentException("parameters are JsonNodes", nameof(value)),
    };
}

/// <summary>What the server wrote: answers by request id, and notifications.</summary>
public sealed record LspResult(IReadOnlyList<JsonElement> Messages, int ExitCode, string Log)
{
    public JsonElement Answer(int id) =>
        Messages.Single(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id);

    public JsonElement Result(int id) => Answer(id).GetProperty("result");

    public int ErrorCode(int id) => Answer(id).GetProperty("error").GetProperty("code").GetInt32();

    /// <summary>Every publishDiagnostics of a document, in the order written.</summary>
    public IReadOnlyList<JsonElement> Published(string uri) =>
        [.. Messages.Where(m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics"
            && m.GetProperty("params").GetProperty("uri").GetString() == uri).Select(m => m.GetProperty("params"))];
}
