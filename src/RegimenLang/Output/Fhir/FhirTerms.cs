using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// The code systems the export writes: SNOMED CT route concepts (the example binding of R4's <c>Dosage.route</c>), UCUM units
/// (required for <c>Quantity.code</c> with the UCUM system), and the extension and language identifiers, each with the reason it
/// was chosen in docs/fhir.md.
/// </summary>
public static class FhirTerms
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>The R4 core extension the oncology guides use for the days of a cycle (the KDN5 chemotherapy example of PlanDefinition).</summary>
    public const string DaysOfCycle = "http://hl7.org/fhir/StructureDefinition/timing-daysOfCycle";

    /// <summary>The media type of a condition written in the regimen language: no FHIR engine evaluates it, and it says so.</summary>
    public const string RegimenLanguage = "text/x-regimen";

    public const string PlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type";

    /// <summary>The SNOMED CT route of administration concept and its display; a continuous infusion is intravenous (the continuity is in the timing).</summary>
    public static (string Code, string Display) Route(Route route) => route switch
    {
        Syntax.Nodes.Route.IV or Syntax.Nodes.Route.CIV => ("47625008", "Intravenous route"),
        Syntax.Nodes.Route.PO => ("26643006", "Oral route"),
        Syntax.Nodes.Route.SC => ("34206005", "Subcutaneous route"),
        Syntax.Nodes.Route.IM => ("78421000", "Intramuscular route"),
        Syntax.Nodes.Route.IT => ("72607000", "Intrathecal route"),
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>The UCUM code of a mass unit ("units" of a product have no UCUM mass: the arbitrary unit).</summary>
    public static string UcumMass(MassUnit mass) => mass switch
    {
        MassUnit.Gram => "g",
        MassUnit.Milligram => "mg",
        MassUnit.Microgram => "ug",
        MassUnit.Nanogram => "ng",
        _ => "[arb'U]",
    };

    /// <summary>The UCUM code of a dose unit: mass, then per m2 or per kg, then per day or per hour (mcg/m2/day is ug/m2/d).</summary>
    public static string UcumUnit(DoseUnit unit)
    {
        string basis = unit.Basis switch { DoseBasis.PerSquareMetre => "/m2", DoseBasis.PerKilogram => "/kg", _ => "" };
        string rate = unit.Rate switch { DoseRate.PerDay => "/d", DoseRate.PerHour => "/h", _ => "" };
        return UcumMass(unit.Mass) + basis + rate;
    }

    /// <summary>The UCUM code and the Timing unit of a duration as written.</summary>
    public static string TimeUnit(Syntax.Nodes.TimeUnit unit) => unit switch
    {
        Syntax.Nodes.TimeUnit.Minutes => "min",
        Syntax.Nodes.TimeUnit.Hours => "h",
        _ => "d",
    };
}
