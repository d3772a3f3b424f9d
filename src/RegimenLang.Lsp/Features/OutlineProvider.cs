using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Lsp.Features;

/// <summary>The outline (document symbols: header, inputs, blocks, cycles with their lines, phases, limits, dose levels, plan) and the folding ranges.</summary>
public static class OutlineProvider
{
    public static List<DocumentSymbol> Symbols(OpenDocument document)
    {
        if (document.Compilation is not { } compilation)
        {
            return [];
        }
        var text = compilation.Source;
        var symbols = new List<DocumentSymbol>();
        foreach (var statement in compilation.Syntax.Document.Statements)
        {
            var range = PositionMap.ToRange(text, statement.Span);
            DocumentSymbol? symbol = statement switch
            {
                HeaderStatement h => new DocumentSymbol(h.Title.Value.Length > 0 ? h.Title.Value : "regimen", SymbolKinds.String, range, PositionMap.ToRange(text, h.Title.Span), "regimen"),
                InputStatement i => new DocumentSymbol(i.Name.Text, SymbolKinds.Variable, range, PositionMap.ToRange(text, i.Name.Span), "input " + i.Type.Kind.ToString().ToLowerInvariant()),
                BlockStatement { Name: { } name } b => Container(name, "block", SymbolKinds.Module, b.Body, text, range),
                CycleStatement { Name: { } name } c => Container(name, c.LengthInDays is { } d ? $"cycle, {d} days" : "cycle", SymbolKinds.Class, c.Body, text, range),
                PhaseBlockStatement { Name: { } name } p => Container(name, "phase lines", SymbolKinds.Namespace, p.Body, text, range),
                LevelsStatement l => new DocumentSymbol($"levels {l.Drug.Text}", SymbolKinds.Constant, range, PositionMap.ToRange(text, l.Drug.Span),
                    string.Join(", ", l.Levels.Select(e => $"{e.Level.Text}: {e.ValueText}"))),
                LimitStatement l => new DocumentSymbol($"limit {l.Drug.Text}", SymbolKinds.Constant, range, PositionMap.ToRange(text, l.Drug.Span), l.Amount.ToString()),
                PlanStatement p => new DocumentSymbol("plan", SymbolKinds.Namespace, range, range, null,
                    [.. p.Phases.Select(ph => new DocumentSymbol(ph.Name.Text, SymbolKinds.Event, PositionMap.ToRange(text, ph.Span), PositionMap.ToRange(text, ph.Name.Span), "phase"))]),
                _ => null,
            };
            if (symbol is not null)
            {
                symbols.Add(symbol);
            }
        }
        return symbols;
    }

    private static DocumentSymbol Container(Identifier name, string detail, int kind, IEnumerable<BodyLine> body, SourceText text, Protocol.Range range) =>
        new(name.Text, kind, range, PositionMap.ToRange(text, name.Span), detail,
            [.. body.OfType<AdministrationLine>().Select(a => new DocumentSymbol(a.Drug.Text, SymbolKinds.Function, PositionMap.ToRange(text, a.Span), PositionMap.ToRange(text, a.Drug.Span), a.Dose?.ToString()))]);

    /// <summary>Each block, cycle, phase and plan from its opening line to the line before its '}'; runs of comment lines.</summary>
    public static List<FoldingRange> Folding(OpenDocument document)
    {
        if (document.Compilation is not { } compilation)
        {
            return [];
        }
        var ranges = new List<FoldingRange>();
        foreach (var statement in compilation.Syntax.Document.Statements.Where(s => s.ContainedLines is not null))
        {
            int first = statement.Span.Line - 1;
            int last = PositionMap.ToPosition(compilation.Source, statement.Span.End).Line;
            if (last - 1 > first)
            {
                ranges.Add(new FoldingRange(first, last - 1, "region"));
            }
        }
        int? runStart = null;
        int previous = -2;
        foreach (var comment in compilation.Syntax.Document.Comments.Where(c => c.OwnLine).OrderBy(c => c.Span.Start))
        {
            int line = comment.Span.Line - 1;
            if (line != previous + 1)
            {
                Close(runStart, previous, ranges);
                runStart = line;
            }
            previous = line;
        }
        Close(runStart, previous, ranges);
        return ranges;
    }

    private static void Close(int? start, int end, List<FoldingRange> ranges)
    {
        if (start is { } s && end > s)
        {
            ranges.Add(new FoldingRange(s, end, "comment"));
        }
    }
}
