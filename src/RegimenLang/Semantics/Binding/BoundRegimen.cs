using System.Collections.Immutable;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>An administration line as it stands in a cycle after includes are spliced in, with its drug resolved.</summary>
/// <param name="Drug">The formulary entry, or null when the drug is unknown (already reported).</param>
/// <param name="ViaBlock">The block the line came from, if it was included.</param>
public sealed record BoundAdministration(AdministrationLine Line, DrugEntry? Drug, string? ViaBlock)
{
    /// <summary>The canonical drug name (the formulary name when known, else as written).</summary>
    public string DrugName => Drug?.Name ?? Line.Drug.Text;
}

/// <summary>A cycle with its lines (includes resolved) in written order.</summary>
public sealed record BoundCycle(CycleStatement Syntax, ImmutableArray<BoundAdministration> Administrations)
{
    public string Name => Syntax.Name.Text;
    public int LengthDays => Syntax.LengthInDays;
}

/// <summary>The result of binding: names resolved, ready for the evaluator and checker.</summary>
public sealed record BoundRegimen(
    RegimenDocument Document,
    ImmutableDictionary<string, BoundCycle> Cycles,
    ImmutableDictionary<string, FactDefinition> Facts,
    DrugFormulary Formulary)
{
    public string Title => Document.Header?.Title.Value ?? "";
    public string Id => Document.MetadataValue("id") ?? "";

    public BoundCycle? FindCycle(string name) => Cycles.GetValueOrDefault(name);
}
