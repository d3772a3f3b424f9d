using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace RegimenLang.Tests.Output.Fhir;

/// <summary>
/// The Firely SDK's profile validator against the FHIR R4 base definitions, offline: the StructureDefinitions and value sets
/// come from the specification.zip of Hl7.Fhir.Specification.Data.R4 (copied beside the test assembly), codes are checked
/// against the value sets in it (LocalTerminologyService), nothing is fetched. Test-only: the product writes FHIR with its
/// own JSON writer (README, "FHIR export").
/// </summary>
public static class FhirValidator
{
    private static readonly Lazy<Validator> s_validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    /// <summary>The issues of <paramref name="json"/> (a resource) as "severity: location: message" lines, errors first.</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Validate(string json)
    {
        Resource resource;
        try
        {
            resource = new FhirJsonDeserializer().DeserializeResource(json);
        }
        catch (DeserializationFailedException e)
        {
            // The SDK's reader already refuses what the base definitions forbid (an unknown element, a code outside a required value set).
            return ([e.Message], []);
        }
        OperationOutcome outcome;
        lock (s_validator)
        {
            outcome = s_validator.Value.Validate(resource);
        }
        static string Line(OperationOutcome.IssueComponent i) =>
            $"{i.Severity}: {string.Join(", ", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}";
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(Line).ToList();
        var warnings = outcome.Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning).Select(Line).ToList();
        return (errors, warnings);
    }
}
