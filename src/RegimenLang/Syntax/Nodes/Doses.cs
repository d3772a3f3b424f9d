using RegimenLang.Text;

namespace RegimenLang.Syntax.Nodes;

/// <summary>How much: an amount with a unit (<c>375 mg/m2</c>) or a Calvert target (<c>AUC 5</c>).</summary>
public abstract record DoseSyntax(SourceSpan Span) : SyntaxNode(Span);

public sealed record AmountDose(NumberLiteral Amount, DoseUnit Unit, SourceSpan Span) : DoseSyntax(Span)
{
    public override string ToString() => $"{Amount.Text} {Unit}";
}

public sealed record AucDose(NumberLiteral Target, SourceSpan Span) : DoseSyntax(Span)
{
    public override string ToString() => $"AUC {Target.Text}";
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
/// <see cref="MassText"/> keeps the spelling (so <c>ug</c> and <c>IU</c> can be reported).
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

    /// <summary>The unit in canonical spelling, e.g. <c>mcg/m2/day</c>.</summary>
    public string Canonical => Compose(CanonicalMass(Mass));

    public override string ToString() => Compose(MassText);

    /// <summary>True when both units measure the same thing (same basis and rate), whatever the mass prefix.</summary>
    public bool IsCommensurableWith(DoseUnit other) => Basis == other.Basis && Rate == other.Rate && (Mass == MassUnit.Unit) == (other.Mass == MassUnit.Unit);

    private string Compose(string mass)
    {
        string basis = Basis switch { DoseBasis.PerSquareMetre => "/m2", DoseBasis.PerKilogram => "/kg", _ => "" };
        string rate = Rate switch { DoseRate.PerDay => "/day", DoseRate.PerHour => "/h", _ => "" };
        return mass + basis + rate;
    }
}
