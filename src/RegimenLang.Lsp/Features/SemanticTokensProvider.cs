using RegimenLang.Diagnostics;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// Semantic tokens: names coloured by what they are bound to (a drug, a cycle, a block, an input, a label, a phase),
/// units, routes, numbers, strings and comments from the tree, and the language's keywords from the lexer. A name
/// the binder could not resolve stays uncoloured, which is itself a hint.
/// </summary>
public static class SemanticTokensProvider
{
    public static readonly List<string> TokenTypes =
        ["keyword", "function", "class", "module", "variable", "event", "enumMember", "type", "number", "string", "comment", "namespace", "property"];

    private static readonly HashSet<string> Keywords = new(
        [.. Vocabulary.TopLevel, .. Vocabulary.PlanWords, .. Vocabulary.ConditionWords, .. Vocabulary.InputTypes, .. Vocabulary.DoseForms, .. Vocabulary.LevelValues,
         "include", "length", "days", "day", "weeks", "over", "continuous", "cap", "round", "to", "when", "in", "cycle", "cycles", "from",
         "note", "at", "as", "before", "after", "starts", "ends", "per", "dose", "lifetime", "each", "once", "daily", "bid", "tid", "qid",
         "weekly", "throughout", "every", "divided", "order", "prn", "most", "else", "repeat", "until", "expect", "then"],
        StringComparer.OrdinalIgnoreCase);

    public static SemanticTokens Tokens(OpenDocument document)
    {
        if (document.Compilation is not { } compilation)
        {
            return new SemanticTokens([]);
        }
        var model = compilation.Model;
        var found = new List<(int Start, int Length, int Type)>();
        foreach (var node in model.Document.DescendantsAndSelf().Concat(model.Document.Comments))
        {
            int? type = node switch
            {
                Identifier name => model.SymbolOf(name) is { } symbol ? TypeOf(symbol.Kind) : null,
                NumberLiteral => Type("number"),
                StringLiteral => Type("string"),
                Comment => Type("comment"),
                RouteSyntax => Type("enumMember"),
                DoseUnit => Type("type"),
                _ => null,
            };
            if (type is { } t && node.Span.Length > 0)
            {
                found.Add((node.Span.Start, node.Span.Length, t));
            }
        }
        foreach (var metadata in model.Document.Metadata)
        {
            found.Add((metadata.Key.Span.Start, metadata.Key.Span.Length, Type("property")));
        }
        AddKeywords(compilation.Source, model.Document, found);

        // Sorted, without overlaps (a unit inside a dose is kept, the first of two overlapping tokens wins), single-line.
        var data = new List<int>();
        int previousLine = 0, previousChar = 0, lastEnd = -1;
        foreach (var (start, length, type) in found.OrderBy(f => f.Start).ThenBy(f => f.Length).ThenBy(f => f.Type == 0 ? 1 : 0))
        {
            if (start < lastEnd)
            {
                continue;
            }
            var position = PositionMap.ToPosition(compilation.Source, start);
            var end = PositionMap.ToPosition(compilation.Source, start + length);
            if (end.Line != position.Line)
            {
                continue;
            }
            data.Add(position.Line - previousLine);
            data.Add(position.Line == previousLine ? position.Character - previousChar : position.Character);
            data.Add(length);
            data.Add(type);
            data.Add(0);
            previousLine = position.Line;
            previousChar = position.Character;
            lastEnd = start + length;
        }
        return new SemanticTokens(data);
    }

    private static void AddKeywords(Text.SourceText source, RegimenDocument document, List<(int Start, int Length, int Type)> found)
    {
        var metadataLines = document.Metadata.Select(m => m.Span.Line).ToHashSet();
        var sink = new DiagnosticBag(source.Path);
        int keyword = Type("keyword");
        for (int line = 1; line <= source.LineCount; line++)
        {
            if (metadataLines.Contains(line))
            {
                continue;
            }
            int start = source.LineStart(line);
            int end = line < source.LineCount ? source.LineStart(line + 1) - 1 : source.Text.Length;
            if (end > start && source.Text[end - 1] == '\r')
            {
                end--;
            }
            foreach (var token in Lexer.LexLine(source.Text, start, end, line, sink).ToArray())
            {
                if (token.Kind == TokenKind.Word && Keywords.Contains(token.Text))
                {
                    found.Add((token.Start, token.Length, keyword));
                }
            }
        }
    }

    private static int TypeOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Drug => Type("function"),
        SymbolKind.Cycle => Type("class"),
        SymbolKind.Block => Type("module"),
        SymbolKind.Fact => Type("variable"),
        SymbolKind.Label => Type("event"),
        _ => Type("namespace"),
    };

    private static int Type(string name) => TokenTypes.IndexOf(name);
}
