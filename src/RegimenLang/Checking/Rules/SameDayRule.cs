using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2006: two lines of one cycle give the same drug by the same route and infusion on the same day in
/// the same cycle instance (both add up). RL2007: the same when one of them has a condition and some
/// patient satisfies both (e.g. <c>age &lt;= 60</c> and <c>age &gt;= 60</c> at 60). Lines whose conditions
/// exclude each other, or whose cycle lists never meet, are fine.
/// </summary>
public sealed class SameDayRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SameDrugTwice, DiagnosticCatalog.OverlappingConditions];

    public void Check(RuleContext context)
    {
        var listed = new Dictionary<AdministrationLine, HashSet<int>>(ReferenceEqualityComparer.Instance);
        HashSet<int> Days(AdministrationLine line)
        {
            if (!listed.TryGetValue(line, out var days))
            {
                days = [.. Schedule.ListedDays(line.Days)];
                listed[line] = days;
            }
            return days;
        }
        var reported = new HashSet<(AdministrationLine, AdministrationLine)>();
        foreach (var cycle in context.Regimen.Cycles.Values.OrderBy(c => c.Syntax.Span.Start))
        {
            var runsAt = context.Instances.Where(i => !i.IsRest && string.Equals(i.CycleName, cycle.Name, StringComparison.OrdinalIgnoreCase))
                .Select(i => i.PhaseCycle).ToHashSet();
            var lines = cycle.Administrations;
            for (int i = 0; i < lines.Length; i++)
            {
                for (int j = i + 1; j < lines.Length; j++)
                {
                    var (a, b) = (lines[i], lines[j]);
                    if (!SameDrugRouteAndInfusion(a, b) || reported.Contains((a.Line, b.Line)))
                    {
                        continue;
                    }
                    int day = Days(a.Line).Where(Days(b.Line).Contains).DefaultIfEmpty(0).Min();
                    if (day == 0 || !CyclesMeet(a.Line, b.Line, runsAt))
                    {
                        continue;
                    }
                    var (later, earlier) = (b.Line, a.Line);
                    if (a.Line.When is null && b.Line.When is null)
                    {
                        reported.Add((a.Line, b.Line));
                        context.Report(DiagnosticCatalog.SameDrugTwice, later.Drug.Span, [context.At(earlier, "the other line")],
                            a.DrugName, later.Dose.ToString(), day, cycle.Name, earlier.Span.Line);
                        continue;
                    }
                    if (Witness(a.Line, b.Line, context.SymbolicScenarios) is { } witness)
                    {
                        reported.Add((a.Line, b.Line));
                        context.Report(DiagnosticCatalog.OverlappingConditions, (later.When ?? earlier.When)!.Span, [context.At(earlier, "the other line")],
                            earlier.Span.Line, a.DrugName, day, witness);
                    }
                }
            }
        }
    }

    private static bool SameDrugRouteAndInfusion(BoundAdministration a, BoundAdministration b) =>
        string.Equals(a.DrugName, b.DrugName, StringComparison.OrdinalIgnoreCase)
        && a.Line.Routes.Select(r => r.Route).Order().SequenceEqual(b.Line.Routes.Select(r => r.Route).Order())
        && Infusion(a.Line) == Infusion(b.Line);

    private static string Infusion(AdministrationLine line) => line.Infusion switch
    {
        OverInfusion over => $"over {over.Duration.TotalMinutes} min",
        ContinuousInfusion => "continuous",
        _ => line.IsContinuous ? "continuous" : "",
    };

    /// <summary>Whether both lines are given in some common cycle instance.</summary>
    private static bool CyclesMeet(AdministrationLine a, AdministrationLine b, HashSet<int> runsAt)
    {
        bool Includes(AdministrationLine line, int n) => line.Cycles?.Includes(n) ?? true;
        return runsAt.Count == 0 || runsAt.Any(n => Includes(a, n) && Includes(b, n));
    }

    /// <summary>A patient description for which both lines' conditions hold, or null when they exclude each other.</summary>
    private static string? Witness(AdministrationLine a, AdministrationLine b, IReadOnlyList<Scenario> scenarios)
    {
        foreach (var scenario in scenarios)
        {
            if (ScenarioBuilder.AllLinesApply(scenario))
            {
                return "some patients (too many combinations of facts to tell which)";
            }
            bool Holds(AdministrationLine line) => line.When is not { } when || ConditionEvaluator.Evaluate(when.Condition, scenario.Patient);
            if (Holds(a) && Holds(b))
            {
                return scenario.Description;
            }
        }
        return null;
    }
}
