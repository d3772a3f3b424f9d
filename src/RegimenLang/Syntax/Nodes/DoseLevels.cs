using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>
/// <c>levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, -2: 75%, -3: omit }</c>: the dose levels of a drug, one line.
/// Level 0 is the full dose; a patient's level per drug (patient file <c>levels:</c>, <c>--level</c>) picks one.
/// </summary>
public sealed record LevelsStatement(Identifier Drug, ImmutableArray<DoseLevelSyntax> Levels, SourceSpan Span) : Statement(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitLevels(this);

    public override IEnumerable<SyntaxNode> Children() => [Drug, .. Levels];
}

/// <summary>
/// One entry of a <see cref="LevelsStatement"/>: <c>-1: 150 mg/m2</c> (a dose), <c>-2: 75%</c> (of the full dose) or
/// <c>-3: omit</c> (neither <see cref="Dose"/> nor <see cref="Percent"/>).
/// </summary>
/// <param name="Level">The level number as written (<c>0</c>, <c>-1</c>, <c>1</c>).</param>
public sealed record DoseLevelSyntax(NumberLiteral Level, DoseSyntax? Dose, NumberLiteral? Percent, SourceSpan ValueSpan, SourceSpan Span) : SyntaxNode(Span)
{
    public bool IsOmit => Dose is null && Percent is null;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitDoseLevel(this);

    public override IEnumerable<SyntaxNode> Children() => Of(Level, Dose, Percent);

    /// <summary>The value as written canonically: <c>150 mg/m2</c>, <c>75%</c> or <c>omit</c>.</summary>
    public string ValueText => Dose is { } dose ? dose.ToString()! : Percent is { } pct ? pct.Text + "%" : "omit";
}
