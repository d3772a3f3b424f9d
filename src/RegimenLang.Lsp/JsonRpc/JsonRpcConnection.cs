using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RegimenLang.Lsp.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over LSP framing: reads messages one after another, calls the handler registered for the method
/// and writes its answer. Every message is parsed by System.Text.Json and every payload (de)serialized with a
/// source-generated type info, so the server stays Native AOT-clean. A message that cannot be parsed gets a
/// parse error, a handler that throws gets an error answer for that request alone: the connection keeps serving.
/// Requests are handled in the order they arrive; notifications may be sent from any thread.
/// </summary>
public sealed class JsonRpcConnection(Stream input, Stream output, TextWriter log) : IDisposable
{
    private delegate void Handler(JsonElement? parameters, Utf8JsonWriter? result);

    private readonly Dictionary<string, (Handler Handle, bool IsRequest)> _handlers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile bool _stopped;

    /// <summary>Called before each message's handler with the method name; an error it returns answers a request instead of the handler.</summary>
    public Func<string, bool, RpcException?>? Gate { get; set; }

    public void OnRequest<TParams, TResult>(string method, JsonTypeInfo<TParams> parameters, JsonTypeInfo<TResult> result, Func<TParams, TResult?> handler) =>
        _handlers[method] = ((json, writer) =>
        {
            var value = handler(Read(json, parameters, method));
            if (value is null)
            {
                writer!.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer!, value, result);
            }
        }, true);

    /// <summary>A request without parameters (shutdown) answered with null.</summary>
    public void OnRequest(string method, Action handler) =>
        _handlers[method] = ((_, writer) =>
        {
            handler();
            writer!.WriteNullValue();
        }, true);

    public void OnNotification<TParams>(string method, JsonTypeInfo<TParams> parameters, Action<TParams> handler) =>
        _handlers[method] = ((json, _) => handler(Read(json, parameters, method)), false);

    public void OnNotification(string method, Action handler) => _handlers[method] = ((_, _) => handler(), false);

    public void Dispose() => _writeLock.Dispose();

    /// <summary>Ends <see cref="RunAsync"/> after the message being handled.</summary>
    public void Stop() => _stopped = true;

    public async Task NotifyAsync<T>(string method, T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, value, type);
            writer.WriteEndObject();
        }
        await SendAsync(buffer).ConfigureAwait(false);
    }

    /// <summary>Serves until the input ends or <see cref="Stop"/> is called.</summary>
    public async Task RunAsync(CancellationToken cancel = default)
    {
        while (!_stopped && !cancel.IsCancellationRequested)
        {
            byte[]? content;
            try
            {
                content = await MessageFraming.ReadAsync(input, cancel).ConfigureAwait(false);
            }
            catch (FramingException e)
            {
                await log.WriteLineAsync($"regimen lsp: {e.Message}").ConfigureAwait(false);
                continue;
            }
            catch (EndOfStreamException)
            {
                return;
            }
            if (content is null)
            {
                return;
            }
            await HandleAsync(content).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(byte[] content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            await RespondErrorAsync(null, RpcErrorCodes.ParseError, $"the message is not JSON: {e.Message}").ConfigureAwait(false);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            JsonElement? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement)
                && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String ? idElement : null;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
                {
                    return; // an answer to a request of ours: the server sends none that it waits for
                }
                await RespondErrorAsync(id, RpcErrorCodes.InvalidRequest, "a JSON-RPC message needs a string 'method'").ConfigureAwait(false);
                return;
            }
            string method = methodElement.GetString()!;
            JsonElement? parameters = root.TryGetProperty("params", out var p) && p.ValueKind != JsonValueKind.Null ? p : null;
            bool isRequest = id is not null;
            if (Gate?.Invoke(method, isRequest) is { } refused)
            {
                if (isRequest)
                {
                    await RespondErrorAsync(id, refused.Code, refused.Message).ConfigureAwait(false);
                }
                return;
            }
            if (!_handlers.TryGetValue(method, out var registration))
            {
                if (isRequest)
                {
                    await RespondErrorAsync(id, RpcErrorCodes.MethodNotFound, $"'{method}' is not served").ConfigureAwait(false);
                }
                return; // unknown notifications ($/setTrace, $/cancelRequest, ...) are ignored, as the protocol asks
            }
            await DispatchAsync(method, id, parameters, registration.Handle, isRequest).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(string method, JsonElement? id, JsonElement? parameters, Handler handle, bool isRequest)
    {
        using var buffer = new MemoryStream();
        (int Code, string Message)? error = null;
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            if (isRequest)
            {
                writer.WritePropertyName("id");
                id!.Value.WriteTo(writer);
                writer.WritePropertyName("result");
            }
            handle(parameters, isRequest ? writer : null);
            writer.WriteEndObject();
        }
        catch (RpcException e)
        {
            error = (e.Code, e.Message);
        }
        catch (JsonException e)
        {
            error = (RpcErrorCodes.InvalidParams, $"the parameters of '{method}' are not what it takes: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one handler: that request fails, said in one line on stderr, and the server goes on serving.
            error = (RpcErrorCodes.InternalError, $"internal error in '{method}': {e.GetType().Name}: {e.Message}");
            await log.WriteLineAsync($"regimen lsp: {error.Value.Message}").ConfigureAwait(false);
        }
        if (!isRequest)
        {
            return;
        }
        if (error is { } failed)
        {
            await RespondErrorAsync(id, failed.Code, failed.Message).ConfigureAwait(false);
            return;
        }
        await SendAsync(buffer).ConfigureAwait(false);
    }

    private async Task RespondErrorAsync(JsonElement? id, int code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } known)
            {
                known.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        await SendAsync(buffer).ConfigureAwait(false);
    }

    private async Task SendAsync(MemoryStream buffer)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await MessageFraming.WriteAsync(output, buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static T Read<T>(JsonElement? json, JsonTypeInfo<T> type, string method) =>
        (json is { } element ? element.Deserialize(type) : default)
        ?? throw new RpcException(RpcErrorCodes.InvalidParams, $"'{method}' needs parameters");
}
