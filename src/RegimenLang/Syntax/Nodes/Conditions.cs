using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A <c>when</c> condition on patient facts.</summary>
public abstract record ConditionSyntax(SourceSpan Span) : SyntaxNode(Span)
{
    public abstract T Accept<T>(IConditionVisitor<T> visitor);
}

/// <summary>A flag fact alone, e.g. <c>ph</c>.</summary>
public sealed record FactCondition(Identifier Fact, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitFactCondition(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitFactCondition(this);

    public override IEnumerable<SyntaxNode> Children() => [Fact];
}

public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

public static class ComparisonOperators
{
    /// <summary>The operator as written in a regimen file.</summary>
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static bool Holds(this ComparisonOperator op, decimal left, decimal right) => op switch
    {
        ComparisonOperator.Less => left < right,
        ComparisonOperator.LessOrEqual => left <= right,
        ComparisonOperator.Greater => left > right,
        ComparisonOperator.GreaterOrEqual => left >= right,
        ComparisonOperator.Equal => left == right,
        ComparisonOperator.NotEqual => left != right,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}

/// <summary><c>fact op value</c>, e.g. <c>age &gt;= 60</c>, <c>cd20 &gt;= 20%</c>, <c>sex = female</c>.</summary>
public sealed record ComparisonCondition(Identifier Fact, ComparisonOperator Operator, ConditionValue Value, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitComparison(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitComparison(this);

    public override IEnumerable<SyntaxNode> Children() => [Fact, Value];
}

/// <summary>The right side of a comparison: a quantity (number with optional unit or %) or a word (female).</summary>
public abstract record ConditionValue(SourceSpan Span) : SyntaxNode(Span)
{
    public abstract T Accept<T>(IConditionVisitor<T> visitor);
}

public sealed record QuantityValue(NumberLiteral Number, string? Unit, SourceSpan Span) : ConditionValue(Span)
{
    public bool IsPercent => Unit == "%";

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitQuantity(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitQuantity(this);

    public override IEnumerable<SyntaxNode> Children() => [Number];

    public override string ToString() => Unit is null ? Number.Text : Unit == "%" ? Number.Text + "%" : $"{Number.Text} {Unit}";
}

public sealed record WordValue(Identifier Word, SourceSpan Span) : ConditionValue(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitWord(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitWord(this);

    public override IEnumerable<SyntaxNode> Children() => [Word];

    public override string ToString() => Word.Text;
}

public sealed record NotCondition(ConditionSyntax Operand, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitNot(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitNot(this);

    public override IEnumerable<SyntaxNode> Children() => [Operand];
}

/// <summary><c>a and b and c</c>: n-ary, so a long chain is one level deep.</summary>
public sealed record AndCondition(ImmutableArray<ConditionSyntax> Operands, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAnd(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitAnd(this);

    public override IEnumerable<SyntaxNode> Children() => Operands;
}

/// <summary><c>a or b or c</c>: n-ary.</summary>
public sealed record OrCondition(ImmutableArray<ConditionSyntax> Operands, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitOr(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitOr(this);

    public override IEnumerable<SyntaxNode> Children() => Operands;
}

public sealed record ParenthesizedCondition(ConditionSyntax Inner, SourceSpan Span) : ConditionSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitParenthesizedCondition(this);

    public override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitParenthesizedCondition(this);

    public override IEnumerable<SyntaxNode> Children() => [Inner];
}
