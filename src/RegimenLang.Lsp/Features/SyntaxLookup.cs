using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Lsp.Features;

/// <summary>Where an offset is in the tree: the statement and, inside a block, cycle or plan, the line.</summary>
public static class SyntaxLookup
{
    public static Statement? StatementAt(RegimenDocument document, int offset) =>
        document.Statements.FirstOrDefault(s => offset >= s.Span.Start && offset <= s.Span.End);

    /// <summary>The line of a container's body at the offset, or null.</summary>
    public static SyntaxNode? BodyLineAt(RegimenDocument document, int offset) =>
        StatementAt(document, offset)?.ContainedLines?.FirstOrDefault(l => offset >= l.Span.Start && offset <= l.Span.End);

    public static AdministrationLine? AdministrationAt(RegimenDocument document, int offset) =>
        BodyLineAt(document, offset) as AdministrationLine;
}
