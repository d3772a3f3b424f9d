using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Workspace;

/// <summary>The outcome of expanding one regimen file: a timeline, or the diagnostics that prevented it.</summary>
/// <param name="Unreadable">A file named could not be read at all (a usage error, not a finding).</param>
public sealed record ExpansionResult(Timeline? Timeline, IReadOnlyList<Diagnostic> Diagnostics, string? Unreadable);

/// <summary>
/// The whole pipeline behind <c>expand</c> and <c>snapshot</c>: check the regimen, read the patient file,
/// apply the flags over it, build the patient and evaluate. Nothing is expanded when the regimen or
/// the patient has an error.
/// </summary>
public static class Expansion
{
    /// <param name="session">Supplies the regimen's configuration and formulary (regimen.yaml, --formulary).</param>
    public static ExpansionResult Run(string regimenPath, string? patientPath, PatientDraft flags, PatientOptions options, CheckSession session)
    {
        var (checkOptions, setupProblems, _) = session.OptionsFor(regimenPath);
        if (checkOptions is null)
        {
            return new ExpansionResult(null, setupProblems, null);
        }
        var checkedFile = Compilation.CheckFile(regimenPath, checkOptions);
        if (checkedFile.Unreadable)
        {
            return new ExpansionResult(null, [], regimenPath);
        }
        var diagnostics = new List<Diagnostic>(setupProblems.Concat(checkedFile.Diagnostics));
        if (checkedFile.HasErrors || checkedFile.Bound is null)
        {
            return new ExpansionResult(null, diagnostics, null);
        }

        var (draft, unreadable) = LoadPatient(patientPath, flags, diagnostics);
        if (unreadable is not null)
        {
            return new ExpansionResult(null, diagnostics, unreadable);
        }
        if (draft is null)
        {
            return new ExpansionResult(null, diagnostics, null);
        }

        // Built even after a patient-file error, so input problems are reported in the same run.
        var patient = PatientBuilder.Build(draft, options, checkedFile.Bound, diagnostics);
        if (patient is null || diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error))
        {
            return new ExpansionResult(null, diagnostics, null);
        }
        var evaluation = new DiagnosticBag(regimenPath);
        var timeline = Evaluator.Evaluate(checkedFile.Bound, patient, evaluation);
        diagnostics.AddRange(evaluation.Sorted());
        return new ExpansionResult(timeline, diagnostics, null);
    }

    /// <summary>
    /// The patient file (if any) with the flags applied over it; null with diagnostics when the file has
    /// errors, or the path in <c>Unreadable</c> when it cannot be read.
    /// </summary>
    public static (PatientDraft? Draft, string? Unreadable) LoadPatient(string? patientPath, PatientDraft flags, List<Diagnostic> diagnostics)
    {
        if (patientPath is null)
        {
            return (PatientDraft.Empty.OverriddenBy(flags), null);
        }
        string text;
        try
        {
            text = File.ReadAllText(patientPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, patientPath);
        }
        var bag = new DiagnosticBag(patientPath);
        var fromFile = PatientFileLoader.Load(text, bag);
        diagnostics.AddRange(bag.Sorted());
        return (fromFile?.OverriddenBy(flags), null);
    }
}
