using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Evaluates <c>when</c> conditions on a patient. Every fact the condition names must be known,
/// whichever branch would decide it: a missing fact is reported, never assumed.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>The facts <paramref name="condition"/> names that the patient does not give.</summary>
    public static IEnumerable<FactDefinition> MissingFacts(ConditionSyntax condition, Patient patient, IReadOnlyDictionary<string, FactDefinition> facts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var leaf in SyntaxWalk.Leaves(condition))
        {
            if (SyntaxWalk.Fact(leaf) is { } name && facts.TryGetValue(name.Text, out var fact) && !HasFact(patient, fact) && seen.Add(fact.Name))
            {
                yield return fact;
            }
        }
    }

    /// <summary>Whether the condition holds; call only when <see cref="MissingFacts"/> is empty.</summary>
    public static bool Evaluate(ConditionSyntax condition, Patient patient) => condition switch
    {
        AndCondition and => Evaluate(and.Left, patient) && Evaluate(and.Right, patient),
        OrCondition or => Evaluate(or.Left, patient) || Evaluate(or.Right, patient),
        NotCondition not => !Evaluate(not.Operand, patient),
        ParenthesizedCondition paren => Evaluate(paren.Inner, patient),
        FactCondition flag => patient.Inputs.TryGetValue(flag.Fact.Text, out var input) && input.Flag == true,
        ComparisonCondition comparison => Compare(comparison, patient),
        _ => false,
    };

    private static bool HasFact(Patient patient, FactDefinition fact) => fact.Name.ToLowerInvariant() switch
    {
        _ when !fact.IsBuiltIn => patient.Inputs.ContainsKey(fact.Name),
        "age" => patient.AgeYears is not null,
        "weight" => patient.WeightKg is not null,
        "height" => patient.HeightCm is not null,
        "bsa" => patient.Bsa is not null,
        "sex" => patient.Sex is not null,
        "crcl" => patient.CrclMlPerMin is not null,
        _ => false,
    };

    private static decimal? NumberOf(string fact, Patient patient) => fact.ToLowerInvariant() switch
    {
        "age" => patient.AgeYears,
        "weight" => patient.WeightKg,
        "height" => patient.HeightCm,
        "bsa" => patient.Bsa?.Value,
        "crcl" => patient.CrclMlPerMin,
        _ => patient.Inputs.TryGetValue(fact, out var input) ? input.Number : null,
    };

    private static bool Compare(ComparisonCondition comparison, Patient patient)
    {
        if (comparison.Value is WordValue word)
        {
            // Only sex is compared with a word (the binder checks this).
            bool equal = string.Equals(patient.Sex, word.Word.Text, StringComparison.OrdinalIgnoreCase);
            return comparison.Operator == ComparisonOperator.NotEqual ? !equal : equal;
        }
        if (comparison.Value is not QuantityValue quantity || NumberOf(comparison.Fact.Text, patient) is not { } left)
        {
            return false;
        }
        decimal right = quantity.Number.Value;
        return comparison.Operator switch
        {
            ComparisonOperator.Less => left < right,
            ComparisonOperator.LessOrEqual => left <= right,
            ComparisonOperator.Greater => left > right,
            ComparisonOperator.GreaterOrEqual => left >= right,
            ComparisonOperator.Equal => left == right,
            _ => left != right,
        };
    }
}
