using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Features;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Output;
using RegimenLang.Workspace;
using Ctx = RegimenLang.Lsp.Protocol.LspJsonContext;

namespace RegimenLang.Lsp;

/// <summary>
/// <c>regimen lsp</c>: the Language Server Protocol over a pair of streams. It keeps the open documents in a
/// <see cref="DocumentStore"/> over a <see cref="RegimenWorkspace"/> (the same compilations <c>regimen check</c> uses),
/// re-checks a document after each change off the message loop, and answers the editor's requests from the latest
/// version's syntax tree, semantic model and findings. The lifecycle is the protocol's: requests before
/// <c>initialize</c> and after <c>shutdown</c> are refused; <c>exit</c> ends the server.
/// </summary>
public sealed class RegimenLanguageServer : IDisposable
{
    private readonly JsonRpcConnection _connection;
    private readonly DocumentStore _documents;
    private readonly DiagnosticsScheduler _diagnostics;
    private readonly DiagnosticConverter _converter;
    private readonly HoverProvider _hover;
    private readonly EditProvider _edits;
    private readonly InlayHintProvider _inlayHints;
    private bool _initialized;
    private bool _shutdown;

    public RegimenLanguageServer(Stream input, Stream output, TextWriter log, IFileSystem fileSystem, LanguageServerOptions options)
    {
        _connection = new JsonRpcConnection(input, output, log) { Gate = Gate };
        var workspace = new RegimenWorkspace(fileSystem, options.Formularies);
        _documents = new DocumentStore(workspace);
        _converter = new DiagnosticConverter(new DocsLinks(fileSystem, options.DocsUrl));
        var patients = new ReferencePatient(workspace);
        _hover = new HoverProvider(patients);
        _edits = new EditProvider(_converter);
        _inlayHints = new InlayHintProvider(patients);
        _diagnostics = new DiagnosticsScheduler(_documents, d => _ = DiagnosticConverter.FindingsOf(d), PublishAsync, options.Debounce, log);
        Register();
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Serves until <c>exit</c> or the end of the input; 0 when the client asked for shutdown first, else 1.</summary>
    public async Task<int> RunAsync(CancellationToken cancel = default)
    {
        await _connection.RunAsync(cancel).ConfigureAwait(false);
        await _diagnostics.StopAsync().ConfigureAwait(false);
        return _shutdown ? 0 : 1;
    }

    private RpcException? Gate(string method, bool isRequest)
    {
        if (method == "exit")
        {
            return null;
        }
        if (!_initialized && method != "initialize")
        {
            return new RpcException(RpcErrorCodes.ServerNotInitialized, "the server is not initialized yet");
        }
        if (_shutdown)
        {
            return new RpcException(RpcErrorCodes.InvalidRequest, "the server is shutting down");
        }
        return null;
    }

    private void Register()
    {
        var c = _connection;
        c.OnRequest("initialize", Ctx.Default.InitializeParams, Ctx.Default.InitializeResult, _ =>
        {
            _initialized = true;
            return new InitializeResult(Capabilities(), new ServerInfo(ToolInfo.Name, ToolInfo.Version));
        });
        c.OnNotification("initialized", () => { });
        c.OnRequest("shutdown", () => _shutdown = true);
        c.OnNotification("exit", c.Stop);

        c.OnNotification("textDocument/didOpen", Ctx.Default.DidOpenTextDocumentParams, p =>
        {
            _documents.Open(p.TextDocument.Uri, p.TextDocument.Text, p.TextDocument.Version);
            _diagnostics.Schedule(p.TextDocument.Uri);
        });
        c.OnNotification("textDocument/didChange", Ctx.Default.DidChangeTextDocumentParams, p =>
        {
            if (_documents.Change(p.TextDocument.Uri, p.TextDocument.Version, p.ContentChanges) is not null)
            {
                _diagnostics.Schedule(p.TextDocument.Uri);
            }
        });
        c.OnNotification("textDocument/didClose", Ctx.Default.DidCloseTextDocumentParams, p =>
        {
            _documents.Close(p.TextDocument.Uri);
            _ = _connection.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(p.TextDocument.Uri, null, []), Ctx.Default.PublishDiagnosticsParams);
        });
        c.OnNotification("textDocument/didSave", () => { });
        c.OnNotification("workspace/didChangeWatchedFiles", Ctx.Default.DidChangeWatchedFilesParams, p =>
        {
            // A regimen.yaml, a formulary or a patient file changed on disk: every open document is checked again against it.
            foreach (var change in p.Changes)
            {
                _documents.Workspace.FileChanged(DocumentUri.ToPath(change.Uri));
            }
            foreach (var document in _documents.Refresh())
            {
                _diagnostics.Schedule(document.Uri);
            }
        });

        c.OnRequest("textDocument/hover", Ctx.Default.TextDocumentPositionParams, Ctx.Default.Hover,
            p => Document(p.TextDocument) is { } d ? _hover.Hover(d, p.Position) : null);
        c.OnRequest("textDocument/completion", Ctx.Default.TextDocumentPositionParams, Ctx.Default.CompletionList,
            p => Document(p.TextDocument) is { } d ? CompletionProvider.Complete(d, p.Position) : new CompletionList(false, []));
        c.OnRequest("textDocument/definition", Ctx.Default.TextDocumentPositionParams, Ctx.Default.ListLocation,
            p => Document(p.TextDocument) is { } d ? NavigationProvider.Definition(d, p.Position) : null);
        c.OnRequest("textDocument/references", Ctx.Default.ReferenceParams, Ctx.Default.ListLocation,
            p => Document(p.TextDocument) is { } d ? NavigationProvider.References(d, p.Position, p.Context?.IncludeDeclaration ?? true) : null);
        c.OnRequest("textDocument/prepareRename", Ctx.Default.TextDocumentPositionParams, Ctx.Default.PrepareRenameResult,
            p => Document(p.TextDocument) is { } d ? NavigationProvider.PrepareRename(d, p.Position) : null);
        c.OnRequest("textDocument/rename", Ctx.Default.RenameParams, Ctx.Default.WorkspaceEdit,
            p => Document(p.TextDocument) is { } d ? NavigationProvider.Rename(d, p.Position, p.NewName) : null);
        c.OnRequest("textDocument/documentSymbol", Ctx.Default.TextDocumentParams, Ctx.Default.ListDocumentSymbol,
            p => Document(p.TextDocument) is { } d ? OutlineProvider.Symbols(d) : null);
        c.OnRequest("textDocument/foldingRange", Ctx.Default.TextDocumentParams, Ctx.Default.ListFoldingRange,
            p => Document(p.TextDocument) is { } d ? OutlineProvider.Folding(d) : null);
        c.OnRequest("textDocument/formatting", Ctx.Default.DocumentFormattingParams, Ctx.Default.ListTextEdit,
            p => Document(p.TextDocument) is { } d ? EditProvider.Format(d) : null);
        c.OnRequest("textDocument/codeAction", Ctx.Default.CodeActionParams, Ctx.Default.ListCodeAction,
            p => Document(p.TextDocument) is { } d ? _edits.CodeActions(d, p.Range) : null);
        c.OnRequest("textDocument/inlayHint", Ctx.Default.InlayHintParams, Ctx.Default.ListInlayHint,
            p => Document(p.TextDocument) is { } d ? _inlayHints.Hints(d, p.Range) : null);
        c.OnRequest("textDocument/semanticTokens/full", Ctx.Default.TextDocumentParams, Ctx.Default.SemanticTokens,
            p => Document(p.TextDocument) is { } d ? SemanticTokensProvider.Tokens(d) : null);
    }

    /// <summary>The open document, or null for one the editor never opened (requests about it are answered with nothing).</summary>
    private OpenDocument? Document(TextDocumentIdentifier identifier) => _documents.Get(identifier.Uri);

    private Task PublishAsync(OpenDocument document) =>
        _connection.NotifyAsync("textDocument/publishDiagnostics",
            new PublishDiagnosticsParams(document.Uri, document.Version, _converter.Convert(document)), Ctx.Default.PublishDiagnosticsParams);

    private static ServerCapabilities Capabilities() => new(
        new TextDocumentSyncOptions(OpenClose: true, Change: 2),
        HoverProvider: true,
        new CompletionOptions([" ", ":", "("]),
        DefinitionProvider: true,
        ReferencesProvider: true,
        new RenameOptions(PrepareProvider: true),
        DocumentSymbolProvider: true,
        FoldingRangeProvider: true,
        DocumentFormattingProvider: true,
        new CodeActionOptions(["quickfix", EditProvider.FixAllKind]),
        InlayHintProvider: true,
        new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokensProvider.TokenTypes, []), Full: true));
}
