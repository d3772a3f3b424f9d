using System.Collections.Immutable;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

public enum SymbolKind
{
    Cycle,
    Block,
    Fact,
    Drug,
    Phase,
    Label,
    PhaseBlock,
}

/// <summary>
/// What a name refers to. The binder records, for every identifier of the tree, its symbol; go to
/// definition, find references and rename are then queries on the <see cref="SemanticModel"/>, and the
/// evaluator and the checker use the symbols instead of looking names up again.
/// </summary>
public abstract class Symbol(string name, SymbolKind kind, Identifier? declaration)
{
    public string Name { get; } = name;
    public SymbolKind Kind { get; } = kind;

    /// <summary>The name where it is defined in this file; null for built-in facts and formulary drugs.</summary>
    public Identifier? Declaration { get; } = declaration;

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}

/// <summary>A cycle: its declaration, its length (null when its opening line has an error) and its lines with includes spliced in.</summary>
public sealed class CycleSymbol(CycleStatement syntax, Identifier name) : Symbol(name.Text, SymbolKind.Cycle, name)
{
    public CycleStatement Syntax { get; } = syntax;
    public int? LengthDays => Syntax.LengthInDays;

    /// <summary>The complete lines of the cycle in written order, blocks spliced in (set once by the binder).</summary>
    public ImmutableArray<BoundAdministration> Lines { get; internal set; } = [];

    /// <summary>The complete <c>order</c> lines of the cycle in written order, blocks spliced in (set once by the binder).</summary>
    public ImmutableArray<BoundOrder> Orders { get; internal set; } = [];

    /// <summary>Whether a line of the cycle (or of a block it includes) could not be read whole: counts over it are partial.</summary>
    public bool HasIncompleteLines { get; internal set; }
}

public sealed class BlockSymbol(BlockStatement syntax, Identifier name) : Symbol(name.Text, SymbolKind.Block, name)
{
    public BlockStatement Syntax { get; } = syntax;
}

/// <summary>A patient fact: built in (no declaration) or a declared <c>input</c>.</summary>
public sealed class FactSymbol(FactDefinition fact) : Symbol(fact.Name, SymbolKind.Fact, fact.Input?.Name)
{
    public FactDefinition Fact { get; } = fact;
}

/// <summary>A drug of the formulary (declared there, not in the file).</summary>
public sealed class DrugSymbol(DrugEntry entry) : Symbol(entry.Name, SymbolKind.Drug, null)
{
    public DrugEntry Entry { get; } = entry;
}

public sealed class PhaseSymbol(PhaseSyntax syntax) : Symbol(syntax.Name.Text, SymbolKind.Phase, syntax.Name)
{
    public PhaseSyntax Syntax { get; } = syntax;
}

/// <summary>The name a line is given with <c>as</c> (<c>as mtx-load</c>), which other lines time themselves from.</summary>
public sealed class LabelSymbol(Identifier name, AdministrationLine line) : Symbol(name.Text, SymbolKind.Label, name)
{
    public AdministrationLine Line { get; } = line;
}

/// <summary>
/// A <c>phase name { ... }</c> block: lines that run across the cycles of the plan's phase of that name, their days
/// counted from day 1 of the phase's first cycle.
/// </summary>
public sealed class PhaseBlockSymbol(PhaseBlockStatement syntax, Identifier name) : Symbol(name.Text, SymbolKind.PhaseBlock, name)
{
    public PhaseBlockStatement Syntax { get; } = syntax;

    /// <summary>The complete lines of the block in written order, includes spliced in (set once by the binder).</summary>
    public ImmutableArray<BoundAdministration> Lines { get; internal set; } = [];

    /// <summary>The complete <c>order</c> lines of the block, includes spliced in (set once by the binder).</summary>
    public ImmutableArray<BoundOrder> Orders { get; internal set; } = [];

    public bool HasIncompleteLines { get; internal set; }
}
