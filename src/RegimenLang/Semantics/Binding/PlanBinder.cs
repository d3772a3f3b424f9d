using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>Checks the plan: present once, phases unique, cycles known, every cycle used.</summary>
internal static class PlanBinder
{
    public static void Check(RegimenDocument document, IReadOnlyDictionary<string, BoundCycle> cycles, DiagnosticBag diagnostics, bool reportUnused)
    {
        var plans = document.Statements.OfType<PlanStatement>().ToList();
        if (plans.Count == 0 && reportUnused)
        {
            var at = document.Header?.Span ?? new Text.SourceSpan(0, 0, 1, 1);
            diagnostics.Add(DiagnosticCatalog.MissingPlan, at with { Length = 0 });
            return;
        }
        if (plans.Count == 0)
        {
            return;
        }
        foreach (var extra in plans.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.DuplicateSingleton, extra.Span with { Length = 4 }, "plan", plans[0].Span.Line);
        }
        var plan = plans[0];
        if (plan.Phases.Length == 0 && reportUnused)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyPlan, plan.Span with { Length = 4 }, "plan", "plan");
        }

        var phases = new Dictionary<string, PhaseSyntax>(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phase in plan.Phases)
        {
            if (phases.TryGetValue(phase.Name.Text, out var earlier))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, phase.Name.Span, "phase", phase.Name.Text, $"on line {earlier.Name.Span.Line}");
            }
            else
            {
                phases[phase.Name.Text] = phase;
            }
            foreach (var reference in References(phase.Sequence))
            {
                if (cycles.ContainsKey(reference.Name.Text))
                {
                    used.Add(reference.Name.Text);
                }
                else
                {
                    diagnostics.Add(DiagnosticCatalog.UnknownCycle, reference.Span, reference.Name.Text,
                        NameSuggester.DidYouMean(reference.Name.Text, cycles.Keys));
                }
            }
        }

        foreach (var cycle in cycles.Values.Where(c => reportUnused && !used.Contains(c.Name)))
        {
            diagnostics.Add(DiagnosticCatalog.UnusedCycle, cycle.Syntax.Name.Span, cycle.Name);
        }
    }

    /// <summary>Every cycle named in a sequence, in written order.</summary>
    public static IEnumerable<CycleReference> References(SequenceSyntax sequence) =>
        SyntaxWalk.Nodes(sequence).OfType<CycleReference>();
}
