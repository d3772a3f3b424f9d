using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>A <c>when</c> condition on patient facts.</summary>
public abstract record ConditionSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A flag fact alone, e.g. <c>ph</c>.</summary>
public sealed record FactCondition(Identifier Fact, SourceSpan Span) : ConditionSyntax(Span);

public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary><c>fact op value</c>, e.g. <c>age &gt;= 60</c>, <c>cd20 &gt;= 20%</c>, <c>sex = female</c>.</summary>
public sealed record ComparisonCondition(Identifier Fact, ComparisonOperator Operator, ConditionValue Value, SourceSpan Span) : ConditionSyntax(Span);

/// <summary>The right side of a comparison: a quantity (number with optional unit or %) or a word (female).</summary>
public abstract record ConditionValue(SourceSpan Span) : SyntaxNode(Span);

public sealed record QuantityValue(NumberLiteral Number, string? Unit, SourceSpan Span) : ConditionValue(Span)
{
    public bool IsPercent => Unit == "%";

    public override string ToString() => Unit is null ? Number.Text : Unit == "%" ? Number.Text + "%" : $"{Number.Text} {Unit}";
}

public sealed record WordValue(Identifier Word, SourceSpan Span) : ConditionValue(Span)
{
    public override string ToString() => Word.Text;
}

public sealed record NotCondition(ConditionSyntax Operand, SourceSpan Span) : ConditionSyntax(Span);

public sealed record AndCondition(ConditionSyntax Left, ConditionSyntax Right, SourceSpan Span) : ConditionSyntax(Span);

public sealed record OrCondition(ConditionSyntax Left, ConditionSyntax Right, SourceSpan Span) : ConditionSyntax(Span);

public sealed record ParenthesizedCondition(ConditionSyntax Inner, SourceSpan Span) : ConditionSyntax(Span);
