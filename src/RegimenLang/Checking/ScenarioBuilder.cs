using System.Collections.Immutable;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>
/// Builds the symbolic scenarios: every combination of candidate values of the facts the regimen's
/// conditions use (each threshold and its neighbours, both flag values, both sexes), kept only when it
/// switches a different set of lines on. Regimens branch on one or two facts, so this stays small; past
/// <see cref="MaxScenarios"/> combinations the checker falls back to one scenario in which every
/// conditional line applies (conservative: it can over-count, never miss).
/// </summary>
public static class ScenarioBuilder
{
    public const int MaxScenarios = 512;

    public static IReadOnlyList<Scenario> Build(BoundRegimen regimen)
    {
        var conditional = regimen.Cycles.Values.SelectMany(c => c.Administrations).Select(a => a.Line)
            .Where(l => l.When is not null).Distinct().ToList();
        var empty = EmptyPatient();
        if (conditional.Count == 0)
        {
            return [new Scenario(empty, "", IsRealPatient: false)];
        }

        var candidates = new SortedDictionary<string, List<FactValue>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in conditional)
        {
            foreach (var leaf in SyntaxWalk.Leaves(line.When!.Condition))
            {
                if (SyntaxWalk.Fact(leaf) is not { } name || !regimen.Facts.TryGetValue(name.Text, out var fact))
                {
                    continue;
                }
                if (!candidates.TryGetValue(fact.Name, out var list))
                {
                    list = [];
                    candidates[fact.Name] = list;
                }
                list.AddRange(Candidates(fact, leaf));
            }
        }
        var axes = candidates.Select(kv => (Fact: kv.Key, Values: kv.Value.Distinct().OrderBy(v => v.Number).ThenBy(v => v.Word, StringComparer.Ordinal).ToList())).ToList();
        long combinations = axes.Aggregate(1L, (n, a) => n * Math.Max(1, a.Values.Count));
        if (combinations > MaxScenarios)
        {
            return [new Scenario(empty, "", IsRealPatient: false)];
        }

        var result = new List<Scenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in Combinations(axes))
        {
            var patient = Apply(empty, assignment, regimen);
            // Two assignments that switch the same lines on lay out the same plan: keep the first.
            string key = string.Concat(conditional.Select(l => ConditionEvaluator.Evaluate(l.When!.Condition, patient) ? '1' : '0'));
            if (seen.Add(key))
            {
                result.Add(new Scenario(patient, string.Join(", ", assignment.Select(a => $"{a.Fact} = {a.Value}")), IsRealPatient: false));
            }
        }
        return result;
    }

    /// <summary>Whether a scenario list is the conservative fallback in which every conditional line applies.</summary>
    public static bool AllLinesApply(Scenario scenario) => scenario.Description.Length == 0 && !scenario.IsRealPatient;

    private readonly record struct FactValue(decimal? Number, bool? Flag, string? Word)
    {
        public override string ToString() => Word ?? (Flag is { } f ? (f ? "true" : "false") : Units.Format(Number ?? 0));
    }

    private static IEnumerable<FactValue> Candidates(FactDefinition fact, ConditionSyntax condition)
    {
        switch (fact.Kind)
        {
            case FactKind.Flag:
                yield return new FactValue(null, true, null);
                yield return new FactValue(null, false, null);
                break;
            case FactKind.Sex:
                yield return new FactValue(null, null, "female");
                yield return new FactValue(null, null, "male");
                break;
            default:
                if (condition is ComparisonCondition { Value: QuantityValue q })
                {
                    decimal t = q.Number.Value;
                    decimal step = decimal.Truncate(t) == t ? 1m : 0.01m;
                    yield return new FactValue(Math.Max(0, t - step), null, null);
                    yield return new FactValue(t, null, null);
                    yield return new FactValue(t + step, null, null);
                }
                break;
        }
    }

    private static IEnumerable<List<(string Fact, FactValue Value)>> Combinations(List<(string Fact, List<FactValue> Values)> axes)
    {
        IEnumerable<List<(string, FactValue)>> result = [[]];
        foreach (var (fact, values) in axes)
        {
            var current = result;
            result = current.SelectMany(prefix => values.Select(v => new List<(string, FactValue)>(prefix) { (fact, v) }));
        }
        return result;
    }

    private static Patient Apply(Patient patient, List<(string Fact, FactValue Value)> assignment, BoundRegimen regimen)
    {
        var inputs = patient.Inputs.ToBuilder();
        foreach (var (fact, value) in assignment)
        {
            switch (fact.ToLowerInvariant())
            {
                case "age": patient = patient with { AgeYears = value.Number }; break;
                case "weight": patient = patient with { WeightKg = value.Number }; break;
                case "height": patient = patient with { HeightCm = value.Number }; break;
                case "bsa": patient = patient with { Bsa = new BodySurface(value.Number ?? 0, BsaSource.Given, null) }; break;
                case "crcl": patient = patient with { CrclMlPerMin = value.Number }; break;
                case "sex": patient = patient with { Sex = value.Word }; break;
                default:
                    string name = regimen.Facts.TryGetValue(fact, out var def) ? def.Name : fact;
                    inputs[name] = new PatientInput(name, value.Flag, value.Number, value.ToString());
                    break;
            }
        }
        return patient with { Inputs = inputs.ToImmutable() };
    }

    private static Patient EmptyPatient() => new(
        null, null, null, null, null, null,
        ImmutableDictionary.Create<string, PatientInput>(StringComparer.OrdinalIgnoreCase),
        [], new DateOnly(2026, 1, 5), Patient.DefaultFirstDoseTime);
}
