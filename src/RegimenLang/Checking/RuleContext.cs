using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Checking;

/// <summary>
/// What a rule sees: the bound regimen, the optional patient, and the plan laid out per scenario
/// (computed once, on first use, and shared by the rules that need it).
/// </summary>
public sealed class RuleContext
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Lazy<ImmutableArray<CycleInstance>> _instances;
    private readonly Lazy<IReadOnlyList<Scenario>> _symbolic;
    private readonly Lazy<List<(BoundCycle, BoundAdministration)>> _linesByCycle;
    private readonly Lazy<List<BoundAdministration>> _lines;
    private readonly Lazy<(HashSet<string> Counted, HashSet<string> Conditional)> _drugs;
    private readonly Dictionary<Scenario, ImmutableArray<DoseEvent>> _events = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Scenario, IReadOnlyList<(DrugEntry Drug, List<DoseEvent> Events)>> _byDrug = new(ReferenceEqualityComparer.Instance);

    public RuleContext(BoundRegimen regimen, Patient? patient, DiagnosticBag diagnostics)
    {
        Regimen = regimen;
        Patient = patient;
        _diagnostics = diagnostics;
        // Expansion problems are kept aside: the rule that owns each code reports it (PlanSizeRule for RL2009).
        _instances = new(() => PlanExpander.Expand(regimen, ExpansionDiagnostics));
        _symbolic = new(() => ScenarioBuilder.Build(regimen));
        Scenarios = patient is null ? new LazyList<Scenario>(_symbolic) : [new Scenario(patient, "", IsRealPatient: true)];
        _linesByCycle = new(() => [.. regimen.Cycles.Values.OrderBy(c => c.Syntax.Span.Start).SelectMany(c => c.Administrations.Select(a => (c, a)))]);
        _lines = new(() => [.. _linesByCycle.Value.Select(x => x.Item2)
            .Concat(Document.Blocks.SelectMany(b => b.Body.OfType<AdministrationLine>()).Select(l => new BoundAdministration(l, Formulary.Find(l.Drug.Text), null)))
            .DistinctBy(a => a.Line, ReferenceEqualityComparer.Instance)
            .OrderBy(a => a.Line.Span.Start)]);
        _drugs = new(CountedDrugs);
    }

    public BoundRegimen Regimen { get; }
    public RegimenDocument Document => Regimen.Document;
    public DrugFormulary Formulary => Regimen.Formulary;
    public Patient? Patient { get; }
    public string File => Regimen.Document.Path;

    /// <summary>Each administration line with the cycle it stands in (a block's line once per including cycle).</summary>
    public IReadOnlyList<(BoundCycle Cycle, BoundAdministration Administration)> LinesByCycle => _linesByCycle.Value;

    /// <summary>Every administration line of the file once, with its resolved drug, in file order.</summary>
    public IReadOnlyList<BoundAdministration> Lines => _lines.Value;

    /// <summary>What laying out the plan found (a plan too large, a bad count), for the rules that own those codes.</summary>
    public DiagnosticBag ExpansionDiagnostics { get; } = new("");

    /// <summary>The cycle instances of the plan, empty when it cannot be expanded.</summary>
    public ImmutableArray<CycleInstance> Instances => _instances.Value;

    /// <summary>The scenarios the dose rules lay the plan out for: the real patient, or the symbolic ones.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The symbolic scenarios (one per combination of condition outcomes), whatever the patient.</summary>
    public IReadOnlyList<Scenario> SymbolicScenarios => _symbolic.Value;

    /// <summary>
    /// The administrations of the laid-out plan that the dose and interval rules count: only drugs with
    /// a limit or an interval. A drug none of whose lines has a condition is the same in every scenario,
    /// so it is laid out in the first scenario only; later scenarios hold the drugs with conditional lines.
    /// </summary>
    public ImmutableArray<DoseEvent> Events(Scenario scenario)
    {
        if (!_events.TryGetValue(scenario, out var events))
        {
            var (counted, conditional) = _drugs.Value;
            bool first = ReferenceEquals(scenario, Scenarios[0]);
            events = DoseEventBuilder.Build(Regimen, Instances, scenario,
                a => counted.Contains(a.DrugName) && (first || conditional.Contains(a.DrugName)));
            _events[scenario] = events;
        }
        return events;
    }

    /// <summary>The events of <see cref="Events"/> per drug, each list in time order (computed once per scenario).</summary>
    public IReadOnlyList<(DrugEntry Drug, List<DoseEvent> Events)> EventsByDrug(Scenario scenario)
    {
        if (!_byDrug.TryGetValue(scenario, out var byDrug))
        {
            var groups = new Dictionary<DrugEntry, List<DoseEvent>>(ReferenceEqualityComparer.Instance);
            foreach (var e in Events(scenario))
            {
                if (e.Administration.Drug is { } drug)
                {
                    if (!groups.TryGetValue(drug, out var list))
                    {
                        list = [];
                        groups[drug] = list;
                    }
                    list.Add(e);
                }
            }
            foreach (var list in groups.Values)
            {
                // Stable: doses at the same hour keep the written order of their lines.
                var ordered = list.OrderBy(e => e.Hours).ToList();
                list.Clear();
                list.AddRange(ordered);
            }
            byDrug = [.. groups.Select(kv => (kv.Key, kv.Value)).OrderBy(g => g.Key.Name, StringComparer.Ordinal)];
            _byDrug[scenario] = byDrug;
        }
        return byDrug;
    }

    /// <summary>Drugs with a limit (formulary or <c>limit</c> line) or an interval; and those with a conditional line.</summary>
    private (HashSet<string> Counted, HashSet<string> Conditional) CountedDrugs()
    {
        var counted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in Lines.Select(l => l.Drug).OfType<DrugEntry>())
        {
            if (drug.Limits.Length > 0 || drug.MinIntervalDays is not null || drug.TreatmentFreeDays is not null)
            {
                counted.Add(drug.Name);
            }
        }
        foreach (var limit in Document.Limits)
        {
            if (Formulary.Find(limit.Drug.Text) is { } drug)
            {
                counted.Add(drug.Name);
            }
        }
        var conditional = Lines.Where(l => l.Line.When is not null).Select(l => l.DrugName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (counted, conditional);
    }

    /// <summary>A list computed on first use.</summary>
    private sealed class LazyList<T>(Lazy<IReadOnlyList<T>> items) : IReadOnlyList<T>
    {
        public T this[int index] => items.Value[index];
        public int Count => items.Value.Count;
        public IEnumerator<T> GetEnumerator() => items.Value.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Reports a finding made elsewhere (by the evaluator's layout) under this file.</summary>
    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic with { File = File });

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _diagnostics.Add(descriptor, span, args);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, IReadOnlyList<RelatedLocation> related, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor, File, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity) { Related = related };
        _diagnostics.Add(diagnostic);
    }

    /// <summary>A related location pointing at a formulary entry.</summary>
    public static RelatedLocation At(FormularyLocation location, string message) =>
        new(location.File, new SourceSpan(0, 0, location.Line, location.Column), message);

    /// <summary>A related location pointing at a line of this file.</summary>
    public RelatedLocation At(SyntaxNode node, string message) => new(File, node.Span, message);
}
