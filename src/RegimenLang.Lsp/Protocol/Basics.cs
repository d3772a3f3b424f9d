namespace RegimenLang.Lsp.Protocol;

// The LSP structures shared by every feature. Positions are 0-based, characters counted in UTF-16 code units
// (the protocol's default encoding, and the unit of .NET strings and of the tree's spans).

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits by document URI.</summary>
public sealed record WorkspaceEdit(Dictionary<string, List<TextEdit>> Changes);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

/// <summary>Parameters that name only a document (symbols, folding ranges, semantic tokens, formatting).</summary>
public sealed record TextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
