using System.Text;
using System.Text.Json;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Lsp.Protocol;

namespace RegimenLang.Tests.Lsp;

/// <summary>The framing and the JSON-RPC layer: what any client may send, well-formed or not, and the server still answering.</summary>
public sealed class JsonRpcConnectionTests
{
    private static byte[] Frames(params string[] contents) =>
        [.. contents.SelectMany(c => Encoding.ASCII.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(c)}\r\n\r\n").Concat(Encoding.UTF8.GetBytes(c)))];

    private static List<JsonElement> Serve(byte[] input, Action<JsonRpcConnection> register, out string log)
    {
        var output = new MemoryStream();
        var writer = new StringWriter();
        using (var connection = new JsonRpcConnection(new MemoryStream(input), output, writer))
        {
            register(connection);
            connection.RunAsync().GetAwaiter().GetResult();
        }
        log = writer.ToString();
        output.Position = 0;
        var messages = new List<JsonElement>();
        while (MessageFraming.ReadAsync(output).GetAwaiter().GetResult() is { } frame)
        {
            messages.Add(JsonDocument.Parse(frame).RootElement.Clone());
        }
        return messages;
    }

    private static void Echo(JsonRpcConnection c) =>
        c.OnRequest("echo", LspJsonContext.Default.TextDocumentParams, LspJsonContext.Default.TextDocumentParams, p => p);

    [Fact]
    public async Task Frames_round_trip_with_other_headers_and_non_ascii_content()
    {
        string content = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"dose µg ✓\"}";
        byte[] body = Encoding.UTF8.GetBytes(content);
        var stream = new MemoryStream([.. Encoding.ASCII.GetBytes($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        Assert.Equal(content, Encoding.UTF8.GetString((await MessageFraming.ReadAsync(stream))!));
        Assert.Null(await MessageFraming.ReadAsync(stream));

        var written = new MemoryStream();
        await MessageFraming.WriteAsync(written, body);
        written.Position = 0;
        Assert.Equal(body, await MessageFraming.ReadAsync(written));
    }

    [Fact]
    public void A_bad_header_is_reported_and_the_next_frame_is_still_read()
    {
        var input = new MemoryStream([.. Encoding.ASCII.GetBytes("garbage without a colon\r\n"), .. Frames("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"textDocument\":{\"uri\":\"a\"}}}")]);
        var answers = Serve(input.ToArray(), Echo, out string log);
        Assert.Contains("not an LSP header line", log, StringComparison.Ordinal);
        Assert.Equal("a", Assert.Single(answers).GetProperty("result").GetProperty("textDocument").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Content_length_that_is_not_a_number_is_refused()
    {
        var stream = new MemoryStream(Encoding.ASCII.GetBytes("Content-Length: lots\r\n\r\n{}"));
        var e = await Assert.ThrowsAsync<FramingException>(() => MessageFraming.ReadAsync(stream));
        Assert.Contains("not a byte count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_messages_get_errors_and_later_requests_are_answered()
    {
        var input = Frames(
            "{\"bad\": }",                                                             // not JSON
            "[1, 2]",                                                                  // JSON, not a message
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nothing\"}",                  // nobody serves it
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"echo\",\"params\":{\"textDocument\":7}}", // wrong shape
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"echo\"}",                      // no parameters
            "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}", // unknown notification: ignored
            "{\"jsonrpc\":\"2.0\",\"id\":\"five\",\"method\":\"echo\",\"params\":{\"textDocument\":{\"uri\":\"ok\"}}}");
        var answers = Serve(input, Echo, out _);
        Assert.Equal(6, answers.Count);
        int Code(int i) => answers[i].GetProperty("error").GetProperty("code").GetInt32();
        Assert.Equal(RpcErrorCodes.ParseError, Code(0));
        Assert.Equal(JsonValueKind.Null, answers[0].GetProperty("id").ValueKind);
        Assert.Equal(RpcErrorCodes.InvalidRequest, Code(1));
        Assert.Equal(RpcErrorCodes.MethodNotFound, Code(2));
        Assert.Equal(RpcErrorCodes.InvalidParams, Code(3));
        Assert.Equal(RpcErrorCodes.InvalidParams, Code(4));
        Assert.Equal("five", answers[5].GetProperty("id").GetString());
        Assert.Equal("ok", answers[5].GetProperty("result").GetProperty("textDocument").GetProperty("uri").GetString());
    }

    [Fact]
    public void A_handler_that_crashes_fails_its_request_alone()
    {
        int calls = 0;
        var input = Frames(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"crash\",\"params\":{\"textDocument\":{\"uri\":\"x\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"crashing-notification\",\"params\":{\"textDocument\":{\"uri\":\"x\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"textDocument\":{\"uri\":\"after\"}}}");
        var answers = Serve(input, c =>
        {
            Echo(c);
            c.OnRequest<TextDocumentParams, TextDocumentParams>("crash", LspJsonContext.Default.TextDocumentParams, LspJsonContext.Default.TextDocumentParams,
                _ => throw new InvalidOperationException("boom"));
            c.OnNotification("crashing-notification", LspJsonContext.Default.TextDocumentParams, _ =>
            {
                calls++;
                throw new InvalidOperationException("bang");
            });
        }, out string log);
        Assert.Equal(2, answers.Count);
        var error = answers[0].GetProperty("error");
        Assert.Equal(RpcErrorCodes.InternalError, error.GetProperty("code").GetInt32());
        Assert.Contains("boom", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, calls);
        Assert.Contains("bang", log, StringComparison.Ordinal);
        Assert.Equal("after", answers[1].GetProperty("result").GetProperty("textDocument").GetProperty("uri").GetString());
    }
}
