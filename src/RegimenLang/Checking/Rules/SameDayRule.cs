using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2006: two lines of one cycle give the same drug by the same route and infusion on the same day in
/// the same cycle instance (both add up), or one line does because its block is included twice. RL2007: the same when one of them has a condition and some
/// patient satisfies both (e.g. <c>age &lt;= 60</c> and <c>age &gt;= 60</c> at 60). Lines whose conditions
/// exclude each other, or whose cycle lists never meet, are fine.
/// <para>
/// Each line is reported at most once, against the first earlier line it meets; lines are compared only
/// within a group of the same drug, route and infusion, and only with the earlier lines of a day they
/// share, so a file of many identical lines costs time in proportion to its size.
/// </para>
/// </summary>
public sealed class SameDayRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SameDrugTwice, DiagnosticCatalog.OverlappingConditions];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        var runsAtByCycle = context.Instances.Where(i => !i.IsRest).GroupBy(i => i.Symbol!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.PhaseCycle).ToHashSet());
        var reported = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var cycle in context.Model.Cycles.Values.OrderBy(c => c.Syntax.Span.Start))
        {
            var runsAt = runsAtByCycle.GetValueOrDefault(cycle) ?? [];
            // Per group (drug, routes, infusion): for each day, the earlier lines that give it.
            var earlierByDay = new Dictionary<(string Group, int Day), List<BoundAdministration>>();
            foreach (var line in cycle.Lines)
            {
                string group = Group(line);
                var days = line.ListedDays;
                bool done = reported.Contains(line.Line);
                foreach (int day in days)
                {
                    var key = (group, day);
                    if (!earlierByDay.TryGetValue(key, out var earlier))
                    {
                        earlier = [];
                        earlierByDay[key] = earlier;
                    }
                    if (!done)
                    {
                        foreach (var other in earlier)
                        {
                            if (CyclesMeet(other.Line, line.Line, runsAt) && Report(context, cycle, other, line, day))
                            {
                                reported.Add(line.Line);
                                done = true;
                                break;
                            }
                        }
                    }
                    earlier.Add(line);
                }
            }
        }
        CheckLinesWithoutListedDays(context, reported);
    }

    /// <summary>
    /// Lines whose days are not written out (a phase block's lines across cycles, <c>weekly</c>, <c>throughout</c>) are
    /// compared on the laid-out plan: a dose on the same date as another line's dose of the same drug, route and infusion.
    /// </summary>
    private static void CheckLinesWithoutListedDays(RuleContext context, HashSet<AdministrationLine> reported)
    {
        var phaseLines = context.Model.PhaseBlocks.Values.SelectMany(p => p.Lines).Select(l => l.Line).ToHashSet(ReferenceEqualityComparer.Instance);
        bool Spanning(BoundAdministration a) => phaseLines.Contains(a.Line) || (a.ListedDays.IsEmpty && a.Anchor is null);
        if (context.Instances.IsEmpty || !context.Lines.Any(Spanning))
        {
            return;
        }
        // Only the groups (drug, route, infusion) that have such a line are laid out, and each line's group is built once:
        // a long plan has thousands of doses, most of them of drugs whose days are all written out.
        var groups = new Dictionary<BoundAdministration, string>(ReferenceEqualityComparer.Instance);
        string GroupOf(BoundAdministration a)
        {
            if (!groups.TryGetValue(a, out var group))
            {
                groups[a] = group = Group(a);
            }
            return group;
        }
        var spanningGroups = context.Lines.Where(Spanning).Select(GroupOf).ToHashSet(StringComparer.Ordinal);
        var doses = DoseLayout.Lay(context.Model, context.Instances, 8 * 60, _ => true, a => spanningGroups.Contains(GroupOf(a)), new DiagnosticBag("")).Doses;
        foreach (var group in doses.GroupBy(d => (GroupOf(d.Administration), DoseLayout.FloorDiv(d.StartMinutes, Schedule.MinutesPerDay))))
        {
            var lines = group.DistinctBy(d => d.Line, ReferenceEqualityComparer.Instance).ToList();
            for (int i = 1; i < lines.Count; i++)
            {
                var later = lines[i];
                if (!Spanning(later.Administration) || reported.Contains(later.Line))
                {
                    continue;
                }
                var earlier = lines.Take(i).FirstOrDefault(e => !TimedApart(e.Line, later.Line) && context.BothApply(e.Administration, later.Administration) is not null);
                if (earlier is not null)
                {
                    reported.Add(later.Line);
                    context.Report(Diagnose.SameDrugTwice(later.Line.Drug.Span, later.Administration.DrugName, later.Prescribed.ToString()!, later.CycleDay,
                        later.Instance.CycleName, earlier.Line.Span.Line).WithRelated(context.At(earlier.Line, "the other line")));
                }
            }
        }
    }

    /// <summary>Reports the pair if both apply to some patient; true when it did.</summary>
    private static bool Report(RuleContext context, CycleSymbol cycle, BoundAdministration earlier, BoundAdministration later, int day)
    {
        if (!ReferenceEquals(earlier.Line, later.Line) && TimedApart(earlier.Line, later.Line))
        {
            return false; // "12 h before" and "6 h before", or "at 08:00" and "at 20:00": two doses meant
        }
        if (ReferenceEquals(earlier.Line, later.Line))
        {
            // One line reached twice: only a block included more than once does that.
            context.Report(Diagnose.BlockIncludedTwice(later.Line.Drug.Span, later.DrugName, later.Dose.ToString()!, day, cycle.Name, later.ViaBlock ?? "?"));
            return true;
        }
        if (earlier.When is null && later.When is null)
        {
            context.Report(Diagnose.SameDrugTwice(later.Line.Drug.Span, later.DrugName, later.Dose.ToString()!, day, cycle.Name, earlier.Line.Span.Line)
                .WithRelated(context.At(earlier.Line, "the other line")));
            return true;
        }
        if (context.BothApply(earlier, later) is { } witness)
        {
            var when = (later.Line.When ?? earlier.Line.When)!;
            context.Report(Diagnose.OverlappingConditions(when.Span, earlier.Line.Span.Line, later.DrugName, day, witness)
                .WithRelated(context.At(earlier.Line, "the other line")));
            return true;
        }
        return false;
    }

    /// <summary>Both lines say when their dose is given, and not the same thing: the author means two doses.</summary>
    private static bool TimedApart(AdministrationLine a, AdministrationLine b)
    {
        static string? When(AdministrationLine line) =>
            line.Timing is { } timing ? Syntax.Formatting.SyntaxPrinter.Print(timing)
            : line.At is { } at ? Syntax.Formatting.SyntaxPrinter.Print(at)
            : null;
        return When(a) is { } first && When(b) is { } second && !string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
    }

    private static string Group(BoundAdministration a) =>
        $"{a.DrugName.ToLowerInvariant()}|{string.Join(",", a.Line.Routes.Select(r => r.Route).Order())}|{Infusion(a.Line)}";

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
}
