using System.Globalization;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>The FHIR R4 data types the export writes (Quantity, CodeableConcept, Dosage parts, narrative), as trees for <see cref="JsonTreeWriter"/>.</summary>
public static class FhirElements
{
    public static TreeArray Array(IEnumerable<TreeValue> items) => new([.. items]);

    public static TreeObject Text(string text) => new TreeObjectBuilder().Add("text", text).Build();

    /// <summary>A UCUM quantity; <paramref name="unit"/> is the human unit as the regimen writes it.</summary>
    public static TreeObject Quantity(decimal value, string unit, string ucum) =>
        new TreeObjectBuilder().Add("value", value).Add("unit", unit).Add("system", FhirTerms.Ucum).Add("code", ucum).Build();

    public static TreeObject Quantity(AmountDose dose) => Quantity(dose.Amount.Value, dose.Unit.Canonical, FhirTerms.UcumUnit(dose.Unit));

    /// <summary>A Duration in UCUM minutes, hours or days as written (offsets of relative timing).</summary>
    public static TreeObject Duration(DurationSyntax duration)
    {
        string unit = FhirTerms.TimeUnit(duration.Unit);
        return Quantity(duration.Amount.Value, unit, unit);
    }

    public static TreeObject Duration(decimal value, string ucum) => Quantity(value, ucum, ucum);

    /// <summary>The route as SNOMED CT, with the regimen's abbreviation as the text (CIV stays visible as such).</summary>
    public static TreeObject Route(Route route)
    {
        var (code, display) = FhirTerms.Route(route);
        var coding = new TreeObjectBuilder().Add("system", FhirTerms.Snomed).Add("code", code).Add("display", display).Build();
        return new TreeObjectBuilder().Add("coding", Array([coding])).Add("text", route.ToString()).Build();
    }

    /// <summary>Generated narrative: one paragraph per line, escaped for XHTML.</summary>
    public static TreeObject Narrative(IEnumerable<string> paragraphs) =>
        new TreeObjectBuilder()
            .Add("status", "generated")
            .Add("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + string.Concat(paragraphs.Select(p => "<p>" + Escape(p) + "</p>")) + "</div>")
            .Build();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
