using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Checking;

/// <summary>
/// What a rule sees: the semantic model, the optional patient, and the plan laid out per scenario
/// (computed once, on first use, and shared by the rules that need it). The plan is laid out only when
/// it is complete; then <see cref="EventsByDrug"/> holds only drugs whose every line was read, so a
/// plan-wide rule never counts half of a drug's doses.
/// </summary>
public sealed class RuleContext
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Lazy<PlanLayout> _layout;
    private readonly Dictionary<string, PlanLayout> _layouts = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<PlanLayout>> _branchLayouts;
    private readonly Lazy<IReadOnlyList<Scenario>> _symbolic;
    private readonly Lazy<List<(CycleSymbol, BoundAdministration)>> _linesByCycle;
    private readonly Lazy<(HashSet<string> Counted, HashSet<string> Conditional)> _drugs;
    private readonly Dictionary<Scenario, ImmutableArray<DoseEvent>> _events = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Scenario, IReadOnlyList<(DrugEntry Drug, List<DoseEvent> Events)>> _byDrug = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Scenario, IReadOnlyList<(DrugEntry Drug, List<DoseEvent> Events)>> _everyDrug = new(ReferenceEqualityComparer.Instance);

    public RuleContext(SemanticModel model, Patient? patient, DiagnosticBag diagnostics)
    {
        Model = model;
        Patient = patient;
        _diagnostics = diagnostics;
        _symbolic = new(() => ScenarioBuilder.Build(model));
        Scenarios = patient is null ? new LazyList<Scenario>(_symbolic) : ScenarioBuilder.ForPatient(model, patient);
        _layout = new(() => LayoutFor(Scenarios[0]));
        _branchLayouts = new(() => model.Plan is { HasBranches: true } plan
            ? [.. ScenarioBuilder.Build([], plan.BranchConditions).Select(LayoutFor).Distinct()]
            : [Layout]);
        _linesByCycle = new(() => [.. model.Cycles.Values.OrderBy(c => c.Syntax.Span.Start).SelectMany(c => c.Lines.Select(a => (c, a)))]);
        _drugs = new(CountedDrugs);
    }

    public SemanticModel Model { get; }
    public RegimenDocument Document => Model.Document;
    public DrugFormulary Formulary => Model.Formulary;
    public Patient? Patient { get; }
    public string File => Model.Path;

    /// <summary>Every complete administration line of the file once, with its resolved drug, in file order.</summary>
    public ImmutableArray<BoundAdministration> Lines => Model.Administrations;

    /// <summary>Every administration line as written, complete or not (for the rules that need only the parts that were read).</summary>
    public ImmutableArray<WrittenAdministration> WrittenLines => Model.WrittenAdministrations;

    /// <summary>Each complete line with the cycle it stands in (a block's line once per including cycle).</summary>
    public IReadOnlyList<(CycleSymbol Cycle, BoundAdministration Administration)> LinesByCycle => _linesByCycle.Value;

    /// <summary>
    /// The plan laid out for the first scenario (open-ended repeats at their longest), or why not (the plan-size rule
    /// reports a refusal for size). A plan with branches has one layout per way it goes: see <see cref="LayoutFor"/>
    /// and <see cref="BranchLayouts"/>.
    /// </summary>
    public PlanLayout Layout => _layout.Value;

    /// <summary>Every distinct layout of a plan with branches (one per way it can go); the one layout otherwise.</summary>
    public IReadOnlyList<PlanLayout> BranchLayouts => _branchLayouts.Value;

    /// <summary>
    /// The plan laid out the way a scenario's patient takes its branches, open-ended repeats at their longest course (limits
    /// are checked at the maximum). Scenarios that take the plan the same way share one layout.
    /// </summary>
    public PlanLayout LayoutFor(Scenario scenario)
    {
        var branches = Model.Plan?.BranchConditions ?? [];
        string key = string.Concat(branches.Select(b => b.Holds(scenario.Patient) ? '1' : '0'));
        if (!_layouts.TryGetValue(key, out var layout))
        {
            layout = PlanLayout.Of(Model, b => b.Holds(scenario.Patient), longest: true);
            _layouts[key] = layout;
        }
        return layout;
    }

    /// <summary>The cycle instances of the plan, empty when it is not laid out.</summary>
    public ImmutableArray<CycleInstance> Instances => Layout.Instances;

    /// <summary>The scenarios the dose rules lay the plan out for: the real patient, or the symbolic ones.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The symbolic scenarios (one per combination of condition outcomes), whatever the patient.</summary>
    public IReadOnlyList<Scenario> SymbolicScenarios => _symbolic.Value;

    /// <summary>
    /// The administrations of the laid-out plan that the dose and interval rules count: only drugs with
    /// a limit or an interval, and whose every line was read. A drug none of whose lines has a condition is
    /// the same in every scenario, so it is laid out in the first scenario only.
    /// </summary>
    public ImmutableArray<DoseEvent> Events(Scenario scenario)
    {
        if (!_events.TryGetValue(scenario, out var events))
        {
            var (counted, conditional) = _drugs.Value;
            bool first = ReferenceEquals(scenario, Scenarios[0]);
            events = DoseEventBuilder.Build(Model, LayoutFor(scenario).Instances, scenario,
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
                if (!InTimeOrder(list))
                {
                    // Stable: doses at the same hour keep the written order of their lines.
                    var ordered = list.OrderBy(e => e.StartMinutes).ToList();
                    list.Clear();
                    list.AddRange(ordered);
                }
            }
            byDrug = [.. groups.Select(kv => (kv.Key, kv.Value)).OrderBy(g => g.Key.Name, StringComparer.Ordinal)];
            _byDrug[scenario] = byDrug;
        }
        return byDrug;
    }

    // The layout gives its doses in time order already; sorting again is the one cost of this method worth skipping.
    private static bool InTimeOrder(List<DoseEvent> events)
    {
        for (int i = 1; i < events.Count; i++)
        {
            if (events[i].StartMinutes < events[i - 1].StartMinutes)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Every counted drug's events in the scenario, for rules that look across drugs (companions, classes): <see cref="EventsByDrug"/>
    /// lays out a drug without conditional lines in the first scenario only, so its events are taken from there.
    /// </summary>
    public IReadOnlyList<(DrugEntry Drug, List<DoseEvent> Events)> EventsOfEveryDrug(Scenario scenario)
    {
        var own = EventsByDrug(scenario);
        if (ReferenceEquals(scenario, Scenarios[0]))
        {
            return own;
        }
        if (!_everyDrug.TryGetValue(scenario, out var every))
        {
            var conditional = _drugs.Value.Conditional;
            every = [.. own.Concat(EventsByDrug(Scenarios[0]).Where(d => !conditional.Contains(d.Drug.Name))).OrderBy(d => d.Drug.Name, StringComparer.Ordinal)];
            _everyDrug[scenario] = every;
        }
        return every;
    }

    /// <summary>Drugs with a limit (formulary or <c>limit</c> line), an interval, a class, a companion (and the companions) or a separation (and the cytotoxic drugs), all of whose lines were read; and those with a conditional line.</summary>
    private (HashSet<string> Counted, HashSet<string> Conditional) CountedDrugs()
    {
        var counted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in Lines.Select(l => l.Drug).OfType<DrugEntry>())
        {
            if (drug.Limits.Length > 0 || drug.MinIntervalDays is not null || drug.TreatmentFreeDays is not null
                || drug.Intervals.Any(i => !i.Unconfirmed) || drug.ClassEquivalents.Any(c => !c.Unconfirmed))
            {
                counted.Add(drug.Name);
            }
            // A drug with companions is counted with every drug that can accompany it, so the companion rules see both.
            foreach (var companion in CompanionRules.Enforced(drug))
            {
                counted.Add(drug.Name);
                counted.UnionWith(companion.AnyOf.Select(n => Formulary.Find(n)?.Name ?? n));
            }
            // A growth factor is counted with the cytotoxic drugs of the file, which its separation rule compares it with.
            if (drug.Separations.Any(s => !s.Unconfirmed))
            {
                counted.Add(drug.Name);
                counted.UnionWith(Lines.Select(l => l.Drug).OfType<DrugEntry>().Where(d => d.Cytotoxic).Select(d => d.Name));
            }
        }
        foreach (var limit in Model.Limits)
        {
            counted.Add(limit.Drug.Name);
        }
        counted.ExceptWith(Model.UncertainDrugs);
        var conditional = Lines.Where(l => l.When is not null).Select(l => l.DrugName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        conditional.UnionWith(Model.LevelTables.Keys); // a drug with dose levels differs from one level scenario to the next
        // So does a drug whose dose changes on an event (until cmr then 15 mg): before and after it.
        conditional.UnionWith(Lines.Where(l => l.Line.Until?.Then is not null).Select(l => l.DrugName));
        if (Model.Plan is { HasBranches: true })
        {
            conditional.UnionWith(counted); // the plan itself differs from one scenario to the next
        }
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

    /// <summary>A description of a patient for whom both lines' conditions hold ("" when neither has one), or null when they exclude each other.</summary>
    public string? BothApply(BoundAdministration a, BoundAdministration b) =>
        a.When is null && b.When is null ? "" : Witness(a, b, SymbolicScenarios, pairOnly: false);

    private static string? Witness(BoundAdministration a, BoundAdministration b, IReadOnlyList<Scenario> scenarios, bool pairOnly)
    {
        foreach (var scenario in scenarios)
        {
            if (ScenarioBuilder.AllLinesApply(scenario))
            {
                // The regimen as a whole branches on too many facts: decide on the two lines' own conditions.
                return pairOnly
                    ? "some patients (too many combinations of facts to tell which)"
                    : Witness(a, b, ScenarioBuilder.Build([a, b]), pairOnly: true);
            }
            bool Holds(BoundAdministration line) => line.When is not { } when || when.Holds(scenario.Patient);
            if (Holds(a) && Holds(b))
            {
                return scenario.Description;
            }
        }
        return null;
    }

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>A related location pointing at a formulary entry.</summary>
    public static RelatedLocation At(FormularyLocation location, string message) =>
        new(location.File, new SourceSpan(0, 0, location.Line, location.Column), message);

    /// <summary>A related location pointing at a line of this file.</summary>
    public RelatedLocation At(SyntaxNode node, string message) => new(File, node.Span, message);
}
