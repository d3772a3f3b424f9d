using System.Runtime.CompilerServices;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Patients;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Documents;

/// <summary>The timeline of a document for its reference patient, or why there is none (shown in hovers).</summary>
public sealed record ReferenceTimeline(string? PatientFile, Timeline? Timeline, string? Reason);

/// <summary>
/// The patient whose doses hovers and inlay hints show: the file's sibling <c>X.patient.yaml</c> for <c>X.regimen</c>.
/// The timeline is the one <c>regimen expand --patient X.patient.yaml --allow-errors</c> prints (the same run), computed
/// once per document version and only when a hover or a hint asks for it.
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

    private ReferenceTimeline Compute(RegimenCompilation compilation)
    {
        string patientFile = PatientFileFor(compilation.Path);
        if (!System.IO.Path.IsPathRooted(compilation.Path) || !workspace.FileSystem.IsFile(patientFile))
        {
            return new ReferenceTimeline(null, null, $"no reference patient: add {System.IO.Path.GetFileName(patientFile)} beside the file");
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
