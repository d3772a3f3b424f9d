using System.Collections.Immutable;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// A complete <c>order</c> line of a cycle or phase block, with its condition bound and, for a timed order, the
/// administration lines of the same container it may be timed from (the labelled line, or every line of the drug).
/// </summary>
/// <param name="ListedDays">The days the order names; a timed order without days takes its anchors' days.</param>
public sealed record BoundOrder(OrderLine Line, BoundCondition? When, ImmutableArray<AdministrationLine> Anchors, ImmutableArray<int> ListedDays, string? ViaBlock)
{
    public string Text => Line.Text.Value;
}
