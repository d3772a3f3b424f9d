using System.Collections.Immutable;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>An administration line as written, with its drug when the drug is known; complete or not.</summary>
public sealed record WrittenAdministration(AdministrationLine Line, DrugEntry? Drug);

/// <summary>
/// What the binder learnt about one file: every name with what it refers to, the cycles with their lines,
/// the facts, the limits and the plan, bound. The evaluator and the checker work on this model; an editor
/// asks it what is at a position, where a name is defined and where it is used.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<Identifier, Symbol> _symbolOf;
    private readonly Lazy<ILookup<Symbol, Identifier>> _references;

    internal SemanticModel(
        RegimenDocument document,
        DrugFormulary formulary,
        ImmutableDictionary<string, CycleSymbol> cycles,
        ImmutableDictionary<string, BlockSymbol> blocks,
        ImmutableDictionary<string, PhaseBlockSymbol> phaseBlocks,
        ImmutableDictionary<string, FactSymbol> facts,
        ImmutableArray<BoundAdministration> administrations,
        ImmutableArray<WrittenAdministration> writtenAdministrations,
        ImmutableArray<BoundLimit> limits,
        BoundPlan? plan,
        ImmutableHashSet<string> uncertainDrugs,
        Dictionary<Identifier, Symbol> symbolOf)
    {
        Document = document;
        Formulary = formulary;
        Cycles = cycles;
        Blocks = blocks;
        PhaseBlocks = phaseBlocks;
        Facts = facts;
        Administrations = administrations;
        WrittenAdministrations = writtenAdministrations;
        Limits = limits;
        Plan = plan;
        UncertainDrugs = uncertainDrugs;
        _symbolOf = symbolOf;
        _references = new(() => _symbolOf.ToLookup(kv => kv.Value, kv => kv.Key));
    }

    public RegimenDocument Document { get; }
    public DrugFormulary Formulary { get; }
    public string Path => Document.Path;
    public string Title => Document.Header?.Title.Value ?? "";
    public string Id => Document.MetadataValue("id") ?? "";

    /// <summary>The cycles by name (ignoring case), each with its lines, includes spliced in.</summary>
    public ImmutableDictionary<string, CycleSymbol> Cycles { get; }

    public ImmutableDictionary<string, BlockSymbol> Blocks { get; }

    /// <summary>The <c>phase NAME { ... }</c> blocks by phase name (ignoring case), each with its lines, includes spliced in.</summary>
    public ImmutableDictionary<string, PhaseBlockSymbol> PhaseBlocks { get; }

    /// <summary>The facts conditions may use: the built-in ones and the declared inputs.</summary>
    public ImmutableDictionary<string, FactSymbol> Facts { get; }

    /// <summary>Every complete administration line of the file once (in blocks and cycles), in file order.</summary>
    public ImmutableArray<BoundAdministration> Administrations { get; }

    /// <summary>Every administration line of the file, complete or not, with its drug when known, in file order.</summary>
    public ImmutableArray<WrittenAdministration> WrittenAdministrations { get; }

    public ImmutableArray<BoundLimit> Limits { get; }

    /// <summary>The dose levels of each drug that has a <c>levels</c> line (by canonical drug name, ignoring case).</summary>
    public ImmutableDictionary<string, DoseLevelTable> LevelTables { get; init; } = ImmutableDictionary.Create<string, DoseLevelTable>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The dose levels of a drug, or null when the regimen gives it none.</summary>
    public DoseLevelTable? LevelsOf(string drug) => LevelTables.GetValueOrDefault(drug);

    /// <summary>The plan, or null when the file has none.</summary>
    public BoundPlan? Plan { get; }

    /// <summary>
    /// Drugs (canonical names) of lines that could not be read whole: what is counted of them over the
    /// plan is partial, so the plan-wide rules say nothing about them.
    /// </summary>
    public ImmutableHashSet<string> UncertainDrugs { get; }

    public CycleSymbol? FindCycle(string name) => Cycles.GetValueOrDefault(name);

    /// <summary>What a name of the tree refers to (at its definition or at a use), or null.</summary>
    public Symbol? SymbolOf(Identifier name) => _symbolOf.GetValueOrDefault(name);

    /// <summary>Every name of the file that refers to <paramref name="symbol"/>, its definition included, in file order.</summary>
    public IReadOnlyList<Identifier> References(Symbol symbol) => [.. _references.Value[symbol].OrderBy(i => i.Span.Start)];

    /// <summary>The innermost node of the tree that covers <paramref name="offset"/> (comments included), or null.</summary>
    public SyntaxNode? FindNodeAt(int offset)
    {
        foreach (var comment in Document.Comments)
        {
            if (Covers(comment, offset))
            {
                return comment;
            }
        }
        SyntaxNode? found = null;
        SyntaxNode? current = Document;
        while (current is not null)
        {
            found = current;
            current = current.Children().FirstOrDefault(child => Covers(child, offset));
        }
        return found is RegimenDocument ? null : found;
    }

    /// <summary>The symbol of the name at <paramref name="offset"/>, or null.</summary>
    public Symbol? SymbolAt(int offset) => FindNodeAt(offset) is Identifier name ? SymbolOf(name) : null;

    private static bool Covers(SyntaxNode node, int offset) =>
        offset >= node.Span.Start && (offset < node.Span.End || (node.Span.Length == 0 && offset == node.Span.Start));
}
