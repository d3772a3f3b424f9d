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
    public Dictionary<string, PhaseBlockSymbol> PhaseBlocks { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> UsedFacts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<Identifier, Symbol> SymbolOf { get; } = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DrugEntry, DrugSymbol> _drugs = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The suggestions for each unknown drug name (lower case) found so far: a damaged or pasted file can name the
    /// same unknown drug on every line, and each suggestion compares the name with every name in the formulary.
    /// </summary>
    private readonly Dictionary<string, IReadOnlyList<string>> _drugSuggestions = new(StringComparer.Ordinal);

    /// <summary>Every word written on a line that could not be read: a name there may be defined or used by that line.</summary>
    public HashSet<string> MentionedInErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The drug names and labels of administration lines that are left out because they could not be read in full.</summary>
    public HashSet<string> NamesOnIncompleteLines { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of inputs declared on lines that failed (the name was readable).</summary>
    public HashSet<string> BrokenInputNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An input, cycle or block declaration whose name could not be read: unknown names of that kind may be it.</summary>
    public bool UnreadableInput { get; set; }
    public bool UnreadableCycle { get; set; }
    public bool UnreadableBlock { get; set; }

    public void Record(Identifier name, Symbol symbol) => SymbolOf[name] = symbol;

    public bool MayBeDeclaredInput(string name) => UnreadableInput || BrokenInputNames.Contains(name);

    /// <summary>The symbol of a formulary entry (one per entry).</summary>
    public DrugSymbol ResolveDrugQuietly(DrugEntry entry)
    {
        if (!_drugs.TryGetValue(entry, out var symbol))
        {
            symbol = new DrugSymbol(entry);
            _drugs[entry] = symbol;
        }
        return symbol;
    }

    /// <summary>The formulary entry of a drug name (recorded as a symbol), reporting an unknown one unless <paramref name="quiet"/>.</summary>
    public DrugEntry? ResolveDrug(Identifier drug, bool quiet = false)
    {
        var entry = Formulary.Find(drug.Text);
        if (entry is null)
        {
            if (!quiet)
            {
                string lower = drug.Text.ToLowerInvariant();
                if (!_drugSuggestions.TryGetValue(lower, out var suggestions))
                {
                    suggestions = NameSuggester.Suggest(drug.Text, Formulary.AllNames);
                    _drugSuggestions[lower] = suggestions;
                }
                Diagnostics.Add(Diagnose.UnknownDrug(drug.Span, drug.Text, suggestions));
            }
            return null;
        }
        Record(drug, ResolveDrugQuietly(entry));
        return entry;
    }
}
