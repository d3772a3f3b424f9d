using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>The tree of a file (as much as could be parsed) and the syntax diagnostics.</summary>
public sealed record ParseResult(SourceText Source, RegimenDocument Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
