using System.Runtime.CompilerServices;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Patients;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Documents;

/// <summary>The timeline of a document for its reference patient, or why there is none (shown in hovers).</summary>
public sealed record ReferenceTimeline(string? PatientFile, Timeline? Timeline, string? Reason);

/// <summary>
/// The patient whose doses hovers and inlay hints show: the file's sibling <c>X.patient.yaml</c> for <c>X.regimen</c>, or
/// else the <c>patient:</c> the nearest <c>regimen.yaml</c> names (one reference patient for a folder of regimens; the
/// sibling wins because it was written for that regimen). The timeline is the one
/// <c>regimen expand --patient FILE --allow-errors</c> prints (the same run), computed once per document version and only
/// when a hover or a hint asks for it.
/// </summary>
public sealed class ReferencePatient(RegimenWorkspace workspace)
{
    private readonly ConditionalWeakTable<RegimenCompilation, ReferenceTimeline> _cache = [];

    public static string PatientFileFor(string regimenPath) =>
        System.IO.Path.ChangeExtension(regimenPath, null) + ".patient.yaml";

    public ReferenceTimeline For(OpenDocument document)
    {
        if (document.Compilation is not { } compilation)
        {
            return new ReferenceTimeline(null, null, "the file is too large");
        }
        return _cache.GetValue(compilation, Compute);
    }

    /// <summary>The reference patient file of a regimen, or null when it has none.</summary>
    public string? PatientFileOf(RegimenCompilation compilation)
    {
        if (!System.IO.Path.IsPathRooted(compilation.Path))
        {
            return null;
        }
        string sibling = PatientFileFor(compilation.Path);
        return workspace.FileSystem.IsFile(sibling) ? sibling : compilation.Setup.Config.PatientFile;
    }

    private ReferenceTimeline Compute(RegimenCompilation compilation)
    {
        if (PatientFileOf(compilation) is not { } patientFile)
        {
            return new ReferenceTimeline(null, null,
                $"no reference patient: add {System.IO.Path.GetFileName(PatientFileFor(compilation.Path))} beside the file, or name one with patient: in regimen.yaml");
        }
        var source = new PatientSource(patientFile, PatientDraft.Empty, new PatientOptions(BsaFormula.Mosteller, null, DateOnly.FromDateTime(DateTime.Today)));
        var result = Expansion.Run(workspace, compilation.Path, source, allowErrors: true);
        if (result.Timeline is { } timeline)
        {
            return new ReferenceTimeline(patientFile, timeline, null);
        }
        string reason = result.Unreadable is { } unreadable ? $"cannot read {unreadable.Path}: {unreadable.Reason}"
            : result.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.Severity.Error) is { } error ? $"not laid out: {error.Code} {error.Message}"
            : "the plan could not be laid out";
        return new ReferenceTimeline(patientFile, null, reason);
    }
}
