using RegimenLang.Diagnostics;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// Go to definition, find references and rename, as queries on the semantic model: the binder recorded the symbol
/// of every name, so nothing is looked up again here. Names are matched ignoring case, as the language does.
/// </summary>
public static class NavigationProvider
{
    /// <summary>The kinds of name a rename may change: the ones a file declares (drugs and built-in facts are not the file's).</summary>
    private static readonly SymbolKind[] Renamable = [SymbolKind.Cycle, SymbolKind.Block, SymbolKind.Fact, SymbolKind.Label, SymbolKind.PhaseBlock, SymbolKind.Phase];

    public static List<Location>? Definition(OpenDocument document, Position position)
    {
        if (SymbolAt(document, position) is not { } found || found.Symbol.Declaration is not { } declaration)
        {
            return null;
        }
        return [new Location(document.Uri, PositionMap.ToRange(document.Compilation!.Source, declaration.Span))];
    }

    public static List<Location>? References(OpenDocument document, Position position, bool includeDeclaration)
    {
        if (SymbolAt(document, position) is not { } found)
        {
            return null;
        }
        var model = document.Compilation!.Model;
        return [.. model.References(found.Symbol)
            .Where(r => includeDeclaration || r != found.Symbol.Declaration)
            .Select(r => new Location(document.Uri, PositionMap.ToRange(document.Compilation.Source, r.Span)))];
    }

    public static PrepareRenameResult? PrepareRename(OpenDocument document, Position position)
    {
        if (SymbolAt(document, position) is not { } found)
        {
            return null;
        }
        if (!CanRename(found.Symbol))
        {
            throw new RpcException(RpcErrorCodes.RequestFailed, $"{found.Symbol} is not declared in this file and cannot be renamed here");
        }
        return new PrepareRenameResult(PositionMap.ToRange(document.Compilation!.Source, found.Name.Span), found.Name.Text);
    }

    public static WorkspaceEdit? Rename(OpenDocument document, Position position, string newName)
    {
        if (SymbolAt(document, position) is not { } found)
        {
            return null;
        }
        var symbol = found.Symbol;
        if (!CanRename(symbol))
        {
            throw new RpcException(RpcErrorCodes.RequestFailed, $"{symbol} is not declared in this file and cannot be renamed here");
        }
        if (!IsName(newName))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"'{newName}' is not a name: one word of letters, digits, '-' or '_'");
        }
        var model = document.Compilation!.Model;
        if (!string.Equals(newName, symbol.Name, StringComparison.OrdinalIgnoreCase) && Taken(model, symbol.Kind, newName))
        {
            throw new RpcException(RpcErrorCodes.RequestFailed, $"'{newName}' is already a {symbol.Kind.ToString().ToLowerInvariant()} of this file");
        }
        var edits = model.References(symbol)
            .Select(r => new Protocol.TextEdit(PositionMap.ToRange(document.Compilation.Source, r.Span), newName))
            .ToList();
        return new WorkspaceEdit(new Dictionary<string, List<Protocol.TextEdit>> { [document.Uri] = edits });
    }

    private static bool CanRename(Symbol symbol) =>
        Renamable.Contains(symbol.Kind) && symbol.Declaration is not null && symbol is not FactSymbol { Fact.IsBuiltIn: true };

    private static bool Taken(SemanticModel model, SymbolKind kind, string name) => kind switch
    {
        SymbolKind.Cycle => model.Cycles.ContainsKey(name),
        SymbolKind.Block => model.Blocks.ContainsKey(name),
        SymbolKind.Fact => model.Facts.ContainsKey(name),
        SymbolKind.PhaseBlock => model.PhaseBlocks.ContainsKey(name),
        SymbolKind.Phase => model.Plan?.Phases.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) == true,
        _ => model.Document.DescendantsAndSelf().OfType<LabelModifier>().Any(l => string.Equals(l.Name.Text, name, StringComparison.OrdinalIgnoreCase)),
    };

    /// <summary>Whether the lexer reads <paramref name="text"/> as one word, as a declared name must be.</summary>
    public static bool IsName(string text)
    {
        if (text.Length == 0 || text.Length > 200)
        {
            return false;
        }
        var bag = new DiagnosticBag("");
        var tokens = Lexer.LexLine(text, 0, text.Length, 1, bag).ToArray();
        return bag.Count == 0 && tokens is [{ Kind: TokenKind.Word } word] && word.Length == text.Length
            && !Vocabulary.TopLevel.Contains(text, StringComparer.OrdinalIgnoreCase);
    }

    private static (Identifier Name, Symbol Symbol)? SymbolAt(OpenDocument document, Position position)
    {
        if (document.Compilation is not { } compilation)
        {
            return null;
        }
        int offset = PositionMap.ToOffset(compilation.Source, position);
        var model = compilation.Model;
        // The cursor just after a name (where an editor puts it after a double click) counts as on it.
        foreach (int at in new[] { offset, offset - 1 })
        {
            if (at >= 0 && model.FindNodeAt(at) is Identifier name && model.SymbolOf(name) is { } symbol)
            {
                return (name, symbol);
            }
        }
        return null;
    }
}
