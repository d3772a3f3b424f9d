using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A parsed regimen file: its top-level statements in order, and its comments.</summary>
public sealed record RegimenDocument(
    string Path,
    ImmutableArray<Statement> Statements,
    ImmutableArray<Comment> Comments,
    SourceSpan Span) : SyntaxNode(Span)
{
    public HeaderStatement? Header => Statements.OfType<HeaderStatement>().FirstOrDefault();
    public PlanStatement? Plan => Statements.OfType<PlanStatement>().FirstOrDefault();
    public IEnumerable<CycleStatement> Cycles => Statements.OfType<CycleStatement>();
    public IEnumerable<BlockStatement> Blocks => Statements.OfType<BlockStatement>();
    public IEnumerable<InputStatement> Inputs => Statements.OfType<InputStatement>();
    public IEnumerable<LimitStatement> Limits => Statements.OfType<LimitStatement>();
    public IEnumerable<MetadataStatement> Metadata => Statements.OfType<MetadataStatement>();

    public string? MetadataValue(string key) =>
        Metadata.FirstOrDefault(m => string.Equals(m.Key.Text, key, StringComparison.OrdinalIgnoreCase))?.Value;
}
