using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Output.Fhir;

namespace RegimenLang.Workspace;

/// <summary>The outcome of an export: the text in the format asked for, or the diagnostics that prevented it; and the export's warnings.</summary>
/// <param name="Text">The export, or null when the regimen (or the patient) has errors.</param>
/// <param name="Diagnostics">The errors that prevented the export, or the export's warnings (RL7xxx, with the configuration's severities).</param>
/// <param name="Unreadable">A file named could not be read at all (a usage error), with the reason.</param>
public sealed record ExportResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics, (string Path, string Reason)? Unreadable)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// <c>regimen export</c>: a regimen (with a patient: its timeline, expanded as <c>expand</c> does) in another format, with a
/// warning for each construct the format cannot carry. A regimen with errors, for the checker or for the patient, is not
/// exported: a partial protocol in another system is worse than none.
/// </summary>
public static class ExportRun
{
    /// <param name="patient">The patient, or null to export the regimen itself.</param>
    public static ExportResult Run(RegimenWorkspace workspace, string regimenPath, PatientSource? patient, string format)
    {
        var writer = OutputFormats.Find(FhirExport.Formats, format);
        var load = workspace.Load(regimenPath);
        if (load.Unreadable is { } unreadable)
        {
            return new ExportResult(null, [], (regimenPath, unreadable.Reason));
        }
        if (load.Compilation is not { } compilation)
        {
            return new ExportResult(null, [load.Problem!], null);
        }
        ExportDocument document;
        if (patient is null)
        {
            var problems = compilation.Setup.Problems.Concat(compilation.Diagnostics).Where(d => d.Severity == Severity.Error).ToList();
            if (problems.Count > 0 || !compilation.Setup.Usable)
            {
                return new ExportResult(null, FindingList.Cap(problems), null);
            }
            document = new ExportDocument(compilation.Model, null);
        }
        else
        {
            var expansion = Expansion.Run(workspace, regimenPath, patient);
            if (expansion.Unreadable is { } file)
            {
                return new ExportResult(null, [], file);
            }
            if (expansion.Timeline is not { } timeline)
            {
                return new ExportResult(null, [.. expansion.Diagnostics.Where(d => d.Severity == Severity.Error)], null);
            }
            document = new ExportDocument(compilation.Model, timeline);
        }
        var warnings = FhirExport.Warnings(document).Select(compilation.Setup.Config.Apply).OfType<Diagnostic>().ToList();
        return new ExportResult(writer.Write(document), FindingList.Cap(warnings), null);
    }
}
