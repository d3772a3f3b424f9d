using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// A parsed regimen file: every line of it, in order (lines with errors as error nodes), and its comments.
/// The tree is complete by design: parsing never drops a line.
/// </summary>
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
    public IEnumerable<PhaseBlockStatement> PhaseBlocks => Statements.OfType<PhaseBlockStatement>();
    public IEnumerable<InputStatement> Inputs => Statements.OfType<InputStatement>();
    public IEnumerable<LimitStatement> Limits => Statements.OfType<LimitStatement>();
    public IEnumerable<LevelsStatement> LevelTables => Statements.OfType<LevelsStatement>();
    public IEnumerable<MetadataStatement> Metadata => Statements.OfType<MetadataStatement>();

    public string? MetadataValue(string key) =>
        Metadata.FirstOrDefault(m => string.Equals(m.Key.Text, key, StringComparison.OrdinalIgnoreCase))?.Value;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDocument(this);

    /// <summary>The statements (comments are listed apart, in <see cref="Comments"/>).</summary>
    public override IEnumerable<SyntaxNode> Children() => Statements;
}
