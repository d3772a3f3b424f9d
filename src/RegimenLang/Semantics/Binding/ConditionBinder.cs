using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>Checks that every fact a condition names exists and is compared with a value of its kind.</summary>
internal static class ConditionBinder
{
    public static void Check(ConditionSyntax condition, IReadOnlyDictionary<string, FactDefinition> facts, HashSet<string> used, DiagnosticBag diagnostics)
    {
        foreach (var leaf in SyntaxWalk.Leaves(condition))
        {
            switch (leaf)
            {
                case FactCondition flag:
                    if (Resolve(flag.Fact, facts, used, diagnostics) is { } f && f.Kind != FactKind.Flag)
                    {
                        diagnostics.Add(DiagnosticCatalog.ConditionTypeMismatch, flag.Span,
                            $"'{f.Name}' is not a flag: compare it, e.g. {Example(f)}");
                    }
                    break;
                case ComparisonCondition comparison:
                    if (Resolve(comparison.Fact, facts, used, diagnostics) is { } fact)
                    {
                        CheckComparison(fact, comparison, diagnostics);
                    }
                    break;
            }
        }
    }

    private static FactDefinition? Resolve(Identifier name, IReadOnlyDictionary<string, FactDefinition> facts, HashSet<string> used, DiagnosticBag diagnostics)
    {
        if (facts.TryGetValue(name.Text, out var fact))
        {
            used.Add(fact.Name);
            return fact;
        }
        diagnostics.Add(DiagnosticCatalog.UnknownFact, name.Span, name.Text, NameSuggester.DidYouMean(name.Text, facts.Keys));
        return null;
    }

    private static void CheckComparison(FactDefinition fact, ComparisonCondition comparison, DiagnosticBag diagnostics)
    {
        string? problem = (fact.Kind, comparison.Value) switch
        {
            (FactKind.Flag, _) => $"'{fact.Name}' is a flag: write '{fact.Name}' or 'not {fact.Name}' instead of comparing it",
            (FactKind.Sex, WordValue w) when comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) =>
                $"'sex' is compared with = or !=, as in sex = {w.Word.Text}",
            (FactKind.Sex, WordValue w) when !IsSex(w.Word.Text) => $"'sex' is female or male, not '{w.Word.Text}'",
            (FactKind.Sex, QuantityValue) => "'sex' is female or male, as in sex = female",
            (FactKind.Sex, _) => null,
            (_, WordValue w) => $"'{fact.Name}' is compared with a number, not '{w.Word.Text}': e.g. {Example(fact)}",
            (_, QuantityValue q) when !fact.AcceptedUnits.Contains(q.Unit ?? "", StringComparer.OrdinalIgnoreCase) =>
                q.Unit is null
                    ? $"'{fact.Name}' needs a unit: write {q.Number.Text}{(fact.Unit == "%" ? "" : " ")}{fact.Unit}"
                    : $"'{fact.Name}' is measured in {fact.Unit ?? "plain numbers"}, not {q.Unit}: e.g. {Example(fact)}",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCatalog.ConditionTypeMismatch, comparison.Value.Span, problem);
        }
    }

    private static bool IsSex(string word) =>
        string.Equals(word, "female", StringComparison.OrdinalIgnoreCase) || string.Equals(word, "male", StringComparison.OrdinalIgnoreCase);

    private static string Example(FactDefinition fact) => fact.Kind switch
    {
        FactKind.Percent => $"{fact.Name} >= 20%",
        FactKind.Sex => "sex = female",
        FactKind.Flag => fact.Name,
        _ => fact.Unit is null or "years" ? $"{fact.Name} >= 60" : $"{fact.Name} < 45 {fact.Unit}",
    };
}
