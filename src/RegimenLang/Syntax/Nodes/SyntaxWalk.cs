namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// Walks over the nested parts of conditions and plan sequences without recursion, so that a long
/// chain (<c>not not not ...</c>, <c>a then b then ...</c>) can never exhaust the stack.
/// </summary>
public static class SyntaxWalk
{
    /// <summary>The leaves of a condition that name a fact (flags and comparisons), left to right.</summary>
    public static IEnumerable<ConditionSyntax> Leaves(ConditionSyntax condition)
    {
        var pending = new Stack<ConditionSyntax>();
        pending.Push(condition);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case AndCondition and:
                    pending.Push(and.Right);
                    pending.Push(and.Left);
                    break;
                case OrCondition or:
                    pending.Push(or.Right);
                    pending.Push(or.Left);
                    break;
                case NotCondition not:
                    pending.Push(not.Operand);
                    break;
                case ParenthesizedCondition paren:
                    pending.Push(paren.Inner);
                    break;
                case var leaf:
                    yield return leaf;
                    break;
            }
        }
    }

    /// <summary>The fact a leaf condition names (a flag or the left side of a comparison).</summary>
    public static Identifier? Fact(ConditionSyntax leaf) => leaf switch
    {
        FactCondition f => f.Fact,
        ComparisonCondition c => c.Fact,
        _ => null,
    };

    /// <summary>Every node of a plan sequence, in written order (parents before their parts).</summary>
    public static IEnumerable<SequenceSyntax> Nodes(SequenceSyntax sequence)
    {
        var pending = new Stack<SequenceSyntax>();
        pending.Push(sequence);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            switch (node)
            {
                case RepeatSequence repeat:
                    pending.Push(repeat.Item);
                    break;
                case ParenthesizedSequence paren:
                    pending.Push(paren.Inner);
                    break;
                case ThenSequence then:
                    for (int i = then.Items.Length - 1; i >= 0; i--)
                    {
                        pending.Push(then.Items[i]);
                    }
                    break;
            }
        }
    }

    /// <summary>A condition in canonical form (the author's parentheses kept), for the formatter and for messages.</summary>
    public static string Text(ConditionSyntax condition) => condition switch
    {
        FactCondition f => f.Fact.Text,
        ComparisonCondition c => $"{c.Fact.Text} {c.Operator.Symbol()} {c.Value}",
        NotCondition n => "not " + Text(n.Operand),
        AndCondition a => $"{Text(a.Left)} and {Text(a.Right)}",
        OrCondition o => $"{Text(o.Left)} or {Text(o.Right)}",
        ParenthesizedCondition p => $"({Text(p.Inner)})",
        _ => throw new InvalidOperationException($"No text for {condition.GetType().Name}"),
    };

    /// <summary>The operator as written in a regimen file.</summary>
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "=",
        _ => "!=",
    };
}
