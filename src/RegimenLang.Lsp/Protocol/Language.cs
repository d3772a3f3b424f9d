using System.Text.Json;

namespace RegimenLang.Lsp.Protocol;

public sealed record Hover(MarkupContent Contents, Range? Range = null);

/// <summary>The LSP completion item kinds the server uses.</summary>
public static class CompletionItemKind
{
    public const int Text = 1;
    public const int Function = 3;
    public const int Field = 5;
    public const int Variable = 6;
    public const int Class = 7;
    public const int Module = 9;
    public const int Unit = 11;
    public const int Value = 12;
    public const int Keyword = 14;
    public const int Snippet = 15;
    public const int Reference = 18;
    public const int Event = 23;
}

public sealed record CompletionItem(
    string Label,
    int Kind,
    string? Detail = null,
    MarkupContent? Documentation = null,
    string? InsertText = null,
    string? FilterText = null,
    string? SortText = null);

public sealed record CompletionList(bool IsIncomplete, List<CompletionItem> Items);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record PrepareRenameResult(Range Range, string Placeholder);

/// <summary>The LSP symbol kinds the outline uses.</summary>
public static class SymbolKinds
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Property = 7;
    public const int Field = 8;
    public const int Function = 12;
    public const int Variable = 13;
    public const int Constant = 14;
    public const int String = 15;
    public const int Event = 24;
}

public sealed record DocumentSymbol(string Name, int Kind, Range Range, Range SelectionRange, string? Detail = null, List<DocumentSymbol>? Children = null);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);

public sealed record FormattingOptions(int TabSize = 2, bool InsertSpaces = true);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, JsonElement? Context = null);

public sealed record CodeAction(string Title, string Kind, List<LspDiagnostic>? Diagnostics = null, bool IsPreferred = false, WorkspaceEdit? Edit = null);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label, int? Kind = null, bool PaddingLeft = true, string? Tooltip = null);

public sealed record SemanticTokens(List<int> Data);
