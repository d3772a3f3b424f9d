using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;

namespace RegimenLang.Workspace;

/// <summary>The outcome of expanding one regimen file: a timeline, or the diagnostics that prevented it (at most <see cref="FindingList.MaxPerFile"/> of each file).</summary>
/// <param name="Unreadable">A file named could not be read at all (a usage error, not a finding), with the reason.</param>
public sealed record ExpansionResult(Timeline? Timeline, IReadOnlyList<Diagnostic> Diagnostics, (string Path, string Reason)? Unreadable);

/// <summary>
/// The whole pipeline behind <c>expand</c> and <c>snapshot</c>: check the regimen (with its configuration
/// and formulary), read the patient file, apply the flags over it, build the patient and evaluate.
/// Nothing is expanded when the regimen or the patient has an error.
/// </summary>
public static class Expansion
{
    /// <param name="allowErrors">Print the timeline even when the checker finds errors for this patient (they are put in the
    /// timeline's findings); a file that cannot be read, bound or laid out, or a patient with errors, still gives none.</param>
    public static ExpansionResult Run(RegimenWorkspace workspace, string regimenPath, PatientSource patientSource, bool allowErrors = false)
    {
        var result = Expand(workspace, regimenPath, patientSource, allowErrors);
        return result with { Diagnostics = FindingList.Cap(result.Diagnostics) };
    }

    private static ExpansionResult Expand(RegimenWorkspace workspace, string regimenPath, PatientSource patientSource, bool allowErrors)
    {
        var load = workspace.Load(regimenPath);
        if (load.Unreadable is { } unreadable)
        {
            return new ExpansionResult(null, [], (regimenPath, unreadable.Reason));
        }
        if (load.Compilation is not { } compilation)
        {
            return new ExpansionResult(null, [load.Problem!], null);
        }
        var diagnostics = new List<Diagnostic>(compilation.Setup.Problems);
        if (!compilation.Setup.Usable)
        {
            return new ExpansionResult(null, diagnostics, null);
        }
        // Errors of the text itself (syntax, names) leave nothing to expand; the checker's errors (for this patient) do only
        // unless allowed. The checker runs once, for the patient, as 'check --patient' runs it.
        if (compilation.HasFrontEndErrors)
        {
            diagnostics.AddRange(compilation.Diagnostics);
            return new ExpansionResult(null, diagnostics, null);
        }

        var patient = patientSource.Load(workspace.FileSystem);
        if (patient.Unreadable is { } reason)
        {
            return new ExpansionResult(null, diagnostics, (patientSource.File!, reason));
        }
        diagnostics.AddRange(patient.Problems);
        if (patient.Draft is null)
        {
            diagnostics.AddRange(compilation.Diagnostics);
            return new ExpansionResult(null, diagnostics, null);
        }
        // Built even after a patient-file error, so input problems are reported in the same run.
        var built = patient.For(compilation.Model, patientSource.Options, diagnostics);
        if (built is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            diagnostics.AddRange(compilation.Diagnostics);
            return new ExpansionResult(null, diagnostics, null);
        }
        // The checks 'check --patient' runs, for this patient: a dose over a maximum for a large patient, a lifetime limit
        // reached with prior exposure. A timeline with errors is printed only when asked for, with its findings first.
        var findings = compilation.Check(built);
        diagnostics.AddRange(findings);
        bool hasErrors = findings.HasErrors;
        if (hasErrors && !allowErrors)
        {
            return new ExpansionResult(null, diagnostics, null);
        }
        var evaluation = Evaluator.Evaluate(compilation.Model, built);
        diagnostics.AddRange(evaluation.Diagnostics);
        var timeline = evaluation.Timeline is { } made && allowErrors && hasErrors
            ? made with { Findings = [.. diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning && !ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings))] }
            : evaluation.Timeline;
        return new ExpansionResult(timeline, diagnostics, null);
    }
}
