using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>How much: an amount with a unit (<c>375 mg/m2</c>) or a Calvert target (<c>AUC 5</c>).</summary>
public abstract record DoseSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record AmountDose(NumberLiteral Amount, DoseUnit Unit, SourceSpan Span) : DoseSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAmount(this);

    public override IEnumerable<SyntaxNode> Children() => [Amount, Unit];

    public override string ToString() => $"{Amount.Text} {Unit}";
}

public sealed record AucDose(NumberLiteral Target, SourceSpan Span) : DoseSyntax(Span)
{
    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitAuc(this);

    public override IEnumerable<SyntaxNode> Children() => [Target];

    public override string ToString() => $"AUC {Target.Text}";
}

/// <summary>
/// <c>ramp 20 mg, 50 mg, 100 mg each 7 days</c>: a dose that steps up, each step given for the same number of days,
/// from the line's first day (its single listed day, or day 1).
/// </summary>
public sealed record RampDose(ImmutableArray<AmountDose> Steps, NumberLiteral Each, bool EachInWeeks, SourceSpan Span) : DoseSyntax(Span)
{
    /// <summary>The longest step, in days or weeks as written: far beyond any real ramp (a week or a month per step).</summary>
    public const int MaxStepLength = 1000;

    /// <summary>Days of each step; 0 when the number is unusable (reported by the parser).</summary>
    public int StepDays => Each is { IsWholeNumber: true, Value: >= 1 and <= MaxStepLength } n ? (int)n.Value * (EachInWeeks ? 7 : 1) : 0;

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitRamp(this);

    public override IEnumerable<SyntaxNode> Children() => [.. Steps, Each];

    public override string ToString() => $"ramp {string.Join(", ", Steps)} each {Each.Text} {(EachInWeeks ? "week" : "day")}{(Each.Value == 1 ? "" : "s")}";
}

public enum MassUnit
{
    Gram,
    Milligram,
    Microgram,
    Nanogram,
    Unit,
}

public enum DoseBasis
{
    /// <summary>A flat dose.</summary>
    Flat,
    /// <summary>Per square metre of body surface area.</summary>
    PerSquareMetre,
    /// <summary>Per kilogram of body weight.</summary>
    PerKilogram,
}

public enum DoseRate
{
    None,
    PerDay,
    PerHour,
}

/// <summary>
/// A dose unit: a mass (or units), optionally per m2 or per kg, optionally per day or per hour.
/// <see cref="MassText"/> keeps the spelling (so <c>ug</c> and <c>IU</c> can be reported); <see cref="MassSpan"/> is where it was written.
/// </summary>
public sealed record DoseUnit(MassUnit Mass, string MassText, DoseBasis Basis, DoseRate Rate, SourceSpan Span) : SyntaxNode(Span)
{
    public static string CanonicalMass(MassUnit mass) => mass switch
    {
        MassUnit.Gram => "g",
        MassUnit.Milligram => "mg",
        MassUnit.Microgram => "mcg",
        MassUnit.Nanogram => "ng",
        _ => "units",
    };

    /// <summary>The span of the mass word alone (the fixes for ug and IU replace just that).</summary>
    public SourceSpan MassSpan => Span with { Length = MassText.Length };

    /// <summary>The unit in canonical spelling, e.g. <c>mcg/m2/day</c>.</summary>
    public string Canonical => Compose(CanonicalMass(Mass));

    public override string ToString() => Compose(MassText);

    /// <summary>True when both units measure the same thing (same basis and rate), whatever the mass prefix.</summary>
    public bool IsCommensurableWith(DoseUnit other) => Basis == other.Basis && Rate == other.Rate && (Mass == MassUnit.Unit) == (other.Mass == MassUnit.Unit);

    public override T Accept<T>(ISyntaxVisitor<T> visitor) => visitor.VisitUnit(this);

    public override IEnumerable<SyntaxNode> Children() => None;

    private string Compose(string mass)
    {
        string basis = Basis switch { DoseBasis.PerSquareMetre => "/m2", DoseBasis.PerKilogram => "/kg", _ => "" };
        string rate = Rate switch { DoseRate.PerDay => "/day", DoseRate.PerHour => "/h", _ => "" };
        return mass + basis + rate;
    }
}
