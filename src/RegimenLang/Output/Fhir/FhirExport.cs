using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;

namespace RegimenLang.Output.Fhir;

/// <summary>What <c>regimen export</c> exports: a regimen, and the timeline of a patient when one was given.</summary>
public sealed record ExportDocument(SemanticModel Model, Timeline? Timeline);

/// <summary>
/// The HL7 FHIR R4 export: without a patient a PlanDefinition (<see cref="PlanDefinitionBuilder"/>), with one a Bundle holding a
/// CarePlan and a MedicationRequest per administration (<see cref="CarePlanBuilder"/>), written with the library's own JSON
/// writer (System.Text.Json's Utf8JsonWriter, no reflection: the tool stays Native AOT-clean), and the warnings of what FHIR
/// cannot carry (<see cref="FhirExportWarnings"/>).
/// </summary>
public static class FhirExport
{
    /// <summary>The export formats (the registry of <c>regimen export --format</c>; beside <see cref="OutputFormats"/>, which the export's namespace uses).</summary>
    public static readonly IReadOnlyList<OutputFormat<ExportDocument>> Formats =
    [
        new("fhir", "HL7 FHIR R4 JSON: a PlanDefinition, or with a patient a Bundle of a CarePlan and MedicationRequests", Write),
    ];

    public static string Write(ExportDocument document) => JsonTreeWriter.Write(Build(document));

    public static TreeObject Build(ExportDocument document) => document.Timeline is { } timeline
        ? CarePlanBuilder.Build(timeline, PlanDefinitionBuilder.ResourceKey(document.Model))
        : PlanDefinitionBuilder.Build(document.Model);

    public static IReadOnlyList<Diagnostic> Warnings(ExportDocument document) => document.Timeline is { } timeline
        ? FhirExportWarnings.ForPatient(document.Model, timeline)
        : FhirExportWarnings.ForPlan(document.Model);
}
