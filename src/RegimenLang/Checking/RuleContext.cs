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
    private readonly Lazy<IReadOnlyList<Scenario>> _scenarios;
    private readonly Dictionary<Scenario, ImmutableArray<DoseEvent>> _events = [];

    public RuleContext(BoundRegimen regimen, Patient? patient, DiagnosticBag diagnostics)
    {
        Regimen = regimen;
        Patient = patient;
        _diagnostics = diagnostics;
        // Expansion problems are kept aside: the rule that owns each code reports it (PlanSizeRule for RL2009).
        _instances = new(() => PlanExpander.Expand(regimen, ExpansionDiagnostics));
        _scenarios = new(() => patient is null
            ? ScenarioBuilder.Build(regimen)
            : [new Scenario(patient, "", IsRealPatient: true)]);
    }

    public BoundRegimen Regimen { get; }
    public RegimenDocument Document => Regimen.Document;
    public DrugFormulary Formulary => Regimen.Formulary;
    public Patient? Patient { get; }
    public string File => Regimen.Document.Path;

    /// <summary>Each administration line with the cycle it stands in (a block's line once per including cycle).</summary>
    public IEnumerable<(BoundCycle Cycle, BoundAdministration Administration)> LinesByCycle =>
        Regimen.Cycles.Values.OrderBy(c => c.Syntax.Span.Start)
            .SelectMany(c => c.Administrations.Select(a => (c, a)));

    /// <summary>Every administration line of the file once, with its resolved drug, in file order.</summary>
    public IEnumerable<BoundAdministration> Lines =>
        LinesByCycle.Select(x => x.Administration)
            .Concat(Document.Blocks.SelectMany(b => b.Body.OfType<AdministrationLine>()).Select(l => new BoundAdministration(l, Formulary.Find(l.Drug.Text), null)))
            .DistinctBy(a => a.Line, ReferenceEqualityComparer.Instance)
            .OrderBy(a => a.Line.Span.Start);

    /// <summary>What laying out the plan found (a plan too large, a bad count), for the rules that own those codes.</summary>
    public DiagnosticBag ExpansionDiagnostics { get; } = new("");

    /// <summary>The cycle instances of the plan, empty when it cannot be expanded.</summary>
    public ImmutableArray<CycleInstance> Instances => _instances.Value;

    public IReadOnlyList<Scenario> Scenarios => _scenarios.Value;

    public ImmutableArray<DoseEvent> Events(Scenario scenario)
    {
        if (!_events.TryGetValue(scenario, out var events))
        {
            events = DoseEventBuilder.Build(Regimen, Instances, scenario);
            _events[scenario] = events;
        }
        return events;
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
