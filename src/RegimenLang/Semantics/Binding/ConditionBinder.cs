using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Binds a <c>when</c> condition: every fact it names must exist and be compared with a value of its
/// kind. Returns null (after reporting) when the condition cannot be evaluated. A value (the right side of a
/// comparison) is bound with its comparison, so visiting one alone gives nothing. An unknown fact is reported
/// at its first use only: one missing input is one finding, however many conditions name it.
/// </summary>
internal sealed class ConditionBinder(BindingContext context) : IConditionVisitor<BoundCondition?>
{
    private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private DiagnosticBag _diagnostics = context.Diagnostics;

    public BoundCondition? Bind(ConditionSyntax condition) => condition.Accept(this);

    /// <summary>Binds without reporting (the condition of a line that has an error of its own).</summary>
    public BoundCondition? BindQuietly(ConditionSyntax condition)
    {
        _diagnostics = new DiagnosticBag(context.Diagnostics.File);
        try
        {
            return condition.Accept(this);
        }
        finally
        {
            _diagnostics = context.Diagnostics;
        }
    }

    private FactSymbol? Resolve(Identifier name)
    {
        if (context.Facts.TryGetValue(name.Text, out var fact))
        {
            context.Record(name, fact);
            context.UsedFacts.Add(fact.Name);
            return fact;
        }
        // Quietly bound lines (see BindQuietly) report nothing, so they do not take the first use.
        bool quiet = !ReferenceEquals(_diagnostics, context.Diagnostics);
        if (!context.MayBeDeclaredInput(name.Text) && (quiet || _unknown.Add(name.Text)))
        {
            _diagnostics.Add(Diagnose.UnknownFact(name.Span, name.Text, BuiltInFacts.Names,
                NameSuggester.Suggest(name.Text, context.Facts.Keys)));
        }
        return null;
    }

    public BoundCondition? VisitFactCondition(FactCondition node)
    {
        if (Resolve(node.Fact) is not { } fact)
        {
            return null;
        }
        if (fact.Fact.Kind != FactKind.Flag)
        {
            _diagnostics.Add(Diagnose.NotAFlag(node.Span, fact.Name, fact.Fact.Example));
            return null;
        }
        return new BoundFlag(node, fact);
    }

    public BoundCondition? VisitComparison(ComparisonCondition node)
    {
        if (Resolve(node.Fact) is not { } symbol)
        {
            return null;
        }
        var fact = symbol.Fact;
        var at = node.Value.Span;
        Diagnostic? problem = (fact.Kind, node.Value) switch
        {
            (FactKind.Flag, _) => Diagnose.FlagCompared(at, fact.Name),
            (FactKind.Word, WordValue w) when node.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) =>
                Diagnose.WordFactNeedsEquality(at, fact.Name, $"{fact.Name} = {w.Word.Text}"),
            (FactKind.Word, WordValue w) when !fact.Words.Contains(w.Word.Text, StringComparer.OrdinalIgnoreCase) =>
                Diagnose.NotAWordOfFact(at, fact.Name, fact.Words, w.Word.Text),
            (FactKind.Word, QuantityValue) => Diagnose.WordFactComparedWithNumber(at, fact.Name, fact.Words, fact.Example),
            (FactKind.Word, _) => null,
            (_, WordValue w) => Diagnose.NumberFactComparedWithWord(at, fact.Name, w.Word.Text, fact.Example),
            (_, QuantityValue q) when !fact.AcceptedUnits.Contains(q.Unit ?? "", StringComparer.OrdinalIgnoreCase) =>
                q.Unit is null
                    ? Diagnose.FactNeedsUnit(at, fact.Name, $"{q.Number.Text}{(fact.Unit == "%" ? "" : " ")}{fact.Unit}")
                    : Diagnose.FactInOtherUnit(at, fact.Name, fact.Unit ?? "plain numbers", q.Unit,
                        fact.Unit is null ? fact.Example : $"{fact.Name} {node.Operator.Symbol()} {q.Number.Text}{(fact.Unit == "%" ? "" : " ")}{fact.Unit}"),
            _ => null,
        };
        if (problem is not null)
        {
            _diagnostics.Add(problem);
            return null;
        }
        return node.Value switch
        {
            WordValue word => new BoundWordComparison(node, symbol, word.Word.Text),
            QuantityValue quantity => new BoundNumberComparison(node, symbol, quantity.Number.Value),
            _ => null,
        };
    }

    public BoundCondition? VisitNot(NotCondition node) => Bind(node.Operand) is { } operand ? new BoundNot(node, operand) : null;

    public BoundCondition? VisitAnd(AndCondition node) => All(node.Operands) is { } operands ? new BoundAll(node, operands) : null;

    public BoundCondition? VisitOr(OrCondition node) => All(node.Operands) is { } operands ? new BoundAny(node, operands) : null;

    public BoundCondition? VisitParenthesizedCondition(ParenthesizedCondition node) => Bind(node.Inner);

    /// <summary>Every operand bound (each reports its own problems), or null when one could not be.</summary>
    private ImmutableArray<BoundCondition>? All(ImmutableArray<ConditionSyntax> operands)
    {
        var bound = operands.Select(Bind).ToList();
        return bound.All(b => b is not null) ? [.. bound.Select(b => b!)] : null;
    }

    public BoundCondition? VisitQuantity(QuantityValue node) => null;

    public BoundCondition? VisitWord(WordValue node) => null;
}
