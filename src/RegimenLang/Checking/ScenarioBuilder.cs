using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Checking;

/// <summary>
/// Builds the symbolic scenarios: every combination of candidate values of the facts the regimen's
/// conditions use (each threshold and its neighbours, both flag values, every word of a word fact), kept
/// only when it switches a different set of lines on. Regimens branch on one or two facts, so this stays
/// small; past <see cref="MaxScenarios"/> combinations the checker falls back to one scenario in which every
/// conditional line applies (conservative: it can over-count, never miss).
/// </summary>
public static class ScenarioBuilder
{
    public const int MaxScenarios = 512;

    /// <summary>The plan's start in a symbolic scenario (its dates are never printed).</summary>
    private static readonly DateOnly SymbolicStart = new(2026, 1, 5);

    public static IReadOnlyList<Scenario> Build(SemanticModel model) =>
        WithEvents(model, WithDoseLevels(model, Build(model.Administrations, model.Plan?.BranchConditions ?? [])));

    /// <summary>
    /// The scenarios again with every dose-changing event (<c>until cmr then 15 mg</c>) dated before the plan: each such line then gives
    /// its second dose throughout, as the scenarios without it give its first throughout. A line's doses before and after its event are
    /// each a fixed dose, so whatever day the event comes, its sums per day, per cycle and over the plan are never more than the larger of
    /// the two courses: both are checked, as dose levels are, and a finding names the event ("after cmr"). A patient who records an
    /// event is checked on the dates recorded; one who does not, on both courses of it.
    /// </summary>
    private static IReadOnlyList<Scenario> WithEvents(SemanticModel model, IReadOnlyList<Scenario> scenarios)
    {
        var events = model.Administrations.Select(a => a.Line.Until).OfType<Syntax.Nodes.UntilModifier>()
            .Where(u => u.Then is not null && u.Event is not null).Select(u => u.Event!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (events.Count == 0)
        {
            return scenarios;
        }
        var bases = scenarios.Count * 2 <= MaxScenarios ? scenarios : [scenarios[0]];
        var result = new List<Scenario>(scenarios);
        foreach (var scenario in bases)
        {
            var open = events.Where(e => !scenario.Patient.Events.ContainsKey(e)).ToList();
            if (open.Count == 0)
            {
                continue;
            }
            result.Add(scenario with
            {
                Patient = scenario.Patient with { Events = scenario.Patient.Events.SetItems(open.Select(e => KeyValuePair.Create(e, DateOnly.MinValue))) },
                EventDescription = string.Join(", ", open.Select(e => "after " + e)),
            });
        }
        return result;
    }

    /// <summary>
    /// The scenarios for a real patient: the patient alone, or, when the plan branches on a fact the patient does not give
    /// (an interim PET not done yet), the patient once per way the plan can go, with the missing facts set and named.
    /// </summary>
    public static IReadOnlyList<Scenario> ForPatient(SemanticModel model, Patient patient)
    {
        var real = new Scenario(patient, "", IsRealPatient: true);
        var branches = model.Plan?.BranchConditions ?? [];
        var missing = branches.SelectMany(b => b.Tests()).Where(t => t.Fact.Fact.Read(patient) is null).ToList();
        if (missing.Count == 0)
        {
            return WithEvents(model, [real]);
        }
        var axes = Axes(missing);
        if (Count(axes) > MaxScenarios)
        {
            return WithEvents(model, [real]);
        }
        var result = new List<Scenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in Combinations(axes))
        {
            var assigned = assignment.Aggregate(patient, (p, a) => a.Fact.Fact.With(p, a.Value));
            if (seen.Add(string.Concat(branches.Select(b => b.Holds(assigned) ? '1' : '0'))))
            {
                result.Add(new Scenario(assigned, Describe(assignment), IsRealPatient: true));
            }
        }
        return WithEvents(model, result);
    }

    /// <summary>
    /// The scenarios again at the dose levels that give more than the full dose, one drug at a time. A level scales every
    /// dose of its drug by one factor, so the drug's sums per day, per cycle and over the plan grow with it: a level below
    /// the full dose (or one that omits the drug) cannot pass a maximum the full dose keeps to, and the highest level of a
    /// drug passes every maximum a lower one does. So each drug is laid out at its highest level only, and every level is
    /// checked; a finding names the level. Past <see cref="MaxScenarios"/> in all, the levels are checked with the first
    /// scenario only.
    /// </summary>
    private static IReadOnlyList<Scenario> WithDoseLevels(SemanticModel model, IReadOnlyList<Scenario> scenarios)
    {
        var levels = model.LevelTables.Values.OrderBy(t => t.Drug.Name, StringComparer.Ordinal)
            .Select(t => (t.Drug.Name, Level: t.Highest()))
            .Where(l => l.Level is not null)
            .Select(l => (l.Name, l.Level!.Number))
            .ToList();
        if (levels.Count == 0)
        {
            return scenarios;
        }
        // One drug at a time names the level a finding comes from; all of them at once (after) catches a class maximum
        // (anthracycline equivalents) that two escalated drugs pass together. Each maximum is reported once, at its first scenario.
        var sets = levels.Select(l => (IReadOnlyList<(string Drug, int Level)>)[l]).ToList();
        if (levels.Count > 1)
        {
            sets.Add(levels);
        }
        var bases = scenarios.Count * (sets.Count + 1) <= MaxScenarios ? scenarios : [scenarios[0]];
        var result = new List<Scenario>(scenarios);
        foreach (var scenario in bases)
        {
            foreach (var set in sets)
            {
                result.Add(scenario with
                {
                    Patient = scenario.Patient with { DoseLevels = scenario.Patient.DoseLevels.SetItems(set.Select(l => KeyValuePair.Create(l.Drug, l.Level))) },
                    DoseLevelDescription = string.Join(", ", set.Select(l => $"dose level {l.Level} of {l.Drug}")),
                });
            }
        }
        return result;
    }

    /// <summary>
    /// The scenarios for the conditions of <paramref name="lines"/> alone: a rule that compares two lines asks
    /// for theirs when the whole regimen has too many combinations, and gets an exact answer for the pair.
    /// </summary>
    public static IReadOnlyList<Scenario> Build(IEnumerable<BoundAdministration> lines) => Build(lines, []);

    /// <summary>
    /// The scenarios for the conditions of <paramref name="lines"/> and of the plan's branches (<paramref name="branches"/>):
    /// a scenario is kept when it switches a different set of lines on or takes the plan another way. Past
    /// <see cref="MaxScenarios"/>, every conditional line applies, once per way the plan can go.
    /// </summary>
    public static IReadOnlyList<Scenario> Build(IEnumerable<BoundAdministration> lines, IReadOnlyList<BoundCondition> branches)
    {
        var conditional = lines.Where(a => a.When is not null).ToList();
        var empty = Patient.Unknown(SymbolicStart);
        if (conditional.Count == 0 && branches.Count == 0)
        {
            return [new Scenario(empty, "", IsRealPatient: false) { EveryLineApplies = true }];
        }

        var axes = Axes(conditional.SelectMany(l => l.When!.Tests()).Concat(branches.SelectMany(b => b.Tests())));
        if (Count(axes) > MaxScenarios)
        {
            if (branches.Count == 0 || conditional.Count == 0)
            {
                return [new Scenario(empty, "", IsRealPatient: false) { EveryLineApplies = true }];
            }
            // The plan's own branches are few: each way the plan goes, with every conditional line applying.
            return [.. Build([], branches).Select(s => s with { EveryLineApplies = true })];
        }

        var result = new List<Scenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in Combinations(axes))
        {
            var patient = assignment.Aggregate(empty, (p, a) => a.Fact.Fact.With(p, a.Value));
            // Two assignments that switch the same lines on and take the plan the same way lay out the same plan: keep the first.
            string key = string.Concat(conditional.Select(l => l.When!.Holds(patient) ? '1' : '0'))
                + "|" + string.Concat(branches.Select(b => b.Holds(patient) ? '1' : '0'));
            if (seen.Add(key))
            {
                result.Add(new Scenario(patient, Describe(assignment), IsRealPatient: false));
            }
        }
        return result;
    }

    private static string Describe(List<(FactSymbol Fact, FactValue Value)> assignment) =>
        string.Join(", ", assignment.Select(a => $"{a.Fact.Name} = {Show(a.Fact, a.Value)}"));

    /// <summary>The candidate values of each fact the tests name, facts in name order.</summary>
    private static List<(FactSymbol Fact, List<FactValue> Values)> Axes(IEnumerable<BoundFactTest> tests)
    {
        var candidates = new SortedDictionary<string, (FactSymbol Fact, List<FactValue> Values)>(StringComparer.OrdinalIgnoreCase);
        foreach (var test in tests)
        {
            if (!candidates.TryGetValue(test.Fact.Name, out var entry))
            {
                entry = (test.Fact, []);
                candidates[test.Fact.Name] = entry;
            }
            entry.Values.AddRange(Candidates(test));
        }
        return [.. candidates.Values
            .Select(a => (a.Fact, Values: a.Values.Distinct().OrderBy(v => v.Number).ThenBy(v => v.Word, StringComparer.Ordinal).ToList()))];
    }

    private static long Count(List<(FactSymbol Fact, List<FactValue> Values)> axes) =>
        axes.Aggregate(1L, (n, a) => Math.Min(n * Math.Max(1, a.Values.Count), MaxScenarios + 1L));

    /// <summary>Whether a scenario list is the conservative fallback in which every conditional line applies.</summary>
    public static bool AllLinesApply(Scenario scenario) => scenario.EveryLineApplies;

    private static string Show(FactSymbol fact, FactValue value) =>
        value.Number is { } n ? Units.Format(n) : value.ToString();

    private static IEnumerable<FactValue> Candidates(BoundFactTest test)
    {
        switch (test)
        {
            case BoundFlag:
                yield return FactValue.Of(true);
                yield return FactValue.Of(false);
                break;
            case BoundWordComparison:
                foreach (var word in test.Fact.Fact.Words)
                {
                    yield return FactValue.Of(word);
                }
                break;
            case BoundNumberComparison number:
                decimal t = number.Threshold;
                decimal step = decimal.Truncate(t) == t ? 1m : 0.01m;
                yield return FactValue.Of(Math.Max(0, t - step));
                yield return FactValue.Of(t);
                yield return FactValue.Of(t + step);
                break;
        }
    }

    private static IEnumerable<List<(FactSymbol Fact, FactValue Value)>> Combinations(List<(FactSymbol Fact, List<FactValue> Values)> axes)
    {
        IEnumerable<List<(FactSymbol, FactValue)>> result = [[]];
        foreach (var (fact, values) in axes)
        {
            var current = result;
            result = current.SelectMany(prefix => values.Select(v => new List<(FactSymbol, FactValue)>(prefix) { (fact, v) }));
        }
        return result;
    }
}
