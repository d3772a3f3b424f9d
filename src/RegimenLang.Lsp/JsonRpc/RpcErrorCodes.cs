namespace RegimenLang.Lsp.JsonRpc;

/// <summary>The error codes of JSON-RPC 2.0 and the ones LSP adds.</summary>
public static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
}

/// <summary>A request that cannot be answered, with the JSON-RPC error code the client gets.</summary>
public sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
