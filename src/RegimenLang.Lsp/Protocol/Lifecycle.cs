using System.Text.Json;

namespace RegimenLang.Lsp.Protocol;

public sealed record InitializeParams(int? ProcessId = null, string? RootUri = null, JsonElement? Capabilities = null, JsonElement? InitializationOptions = null);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool Save = false);

public sealed record CompletionOptions(List<string> TriggerCharacters, bool ResolveProvider = false);

public sealed record SemanticTokensLegend(List<string> TokenTypes, List<string> TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full, bool Range = false);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeActionOptions(List<string> CodeActionKinds);

/// <summary>What the server does; each feature is listed here only when it is served.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    CompletionOptions CompletionProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    RenameOptions RenameProvider,
    bool DocumentSymbolProvider,
    bool FoldingRangeProvider,
    bool DocumentFormattingProvider,
    CodeActionOptions CodeActionProvider,
    bool InlayHintProvider,
    SemanticTokensOptions SemanticTokensProvider,
    string PositionEncoding = "utf-16");
