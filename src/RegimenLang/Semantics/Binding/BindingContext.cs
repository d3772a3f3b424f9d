using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>What the binder's parts share while one file is bound: the names so far, the findings, and the symbol table being built.</summary>
internal sealed class BindingContext(RegimenDocument document, DrugFormulary formulary, DiagnosticBag diagnostics)
{
    public RegimenDocument Document { get; } = document;
    public DrugFormulary Formulary { get; } = formulary;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public Dictionary<string, FactSymbol> Facts { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, CycleSymbol> Cycles { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, BlockSymbol> Blocks { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> UsedFacts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<Identifier, Symbol> SymbolOf { get; } = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DrugEntry, DrugSymbol> _drugs = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every word written on a line that could not be read: a name there may be defined or used by that line.</summary>
    public HashSet<string> MentionedInErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of inputs declared on lines that failed (the name was readable).</summary>
    public HashSet<string> BrokenInputNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An input, cycle or block declaration whose name could not be read: unknown names of that kind may be it.</summary>
    public bool UnreadableInput { get; set; }
    public bool UnreadableCycle { get; set; }
    public bool UnreadableBlock { get; set; }

    public void Record(Identifier name, Symbol symbol) => SymbolOf[name] = symbol;

    public bool MayBeDeclaredInput(string name) => UnreadableInput || BrokenInputNames.Contains(name);

    /// <summary>The formulary entry of a drug name (recorded as a symbol), reporting an unknown one unless <paramref name="quiet"/>.</summary>
    public DrugEntry? ResolveDrug(Identifier drug, bool quiet = false)
    {
        var entry = Formulary.Find(drug.Text);
        if (entry is null)
        {
            if (!quiet)
            {
                Diagnostics.Add(Diagnose.UnknownDrug(drug.Span, drug.Text, NameSuggester.Suggest(drug.Text, Formulary.AllNames)));
            }
            return null;
        }
        if (!_drugs.TryGetValue(entry, out var symbol))
        {
            symbol = new DrugSymbol(entry);
            _drugs[entry] = symbol;
        }
        Record(drug, symbol);
        return entry;
    }
}
