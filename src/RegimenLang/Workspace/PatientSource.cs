using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Workspace;

/// <summary>Where a run's patient comes from: a patient file (optional) with the flags' values over it, and the options of the expansion.</summary>
public sealed record PatientSource(string? File, PatientDraft Flags, PatientOptions Options)
{
    /// <summary>The most a patient file may hold.</summary>
    public const long MaxPatientFileBytes = 1024 * 1024;

    /// <summary>The patient file read with the flags applied over it, its problems, or why it could not be read at all.</summary>
    public PatientLoad Load(IFileSystem fileSystem)
    {
        if (File is null)
        {
            return new PatientLoad(PatientDraft.Empty.OverriddenBy(Flags), [], null);
        }
        var reading = fileSystem.Read(File, MaxPatientFileBytes);
        if (reading.Problem is { } problem)
        {
            return new PatientLoad(null, [], problem.Reason);
        }
        var bag = new DiagnosticBag(File);
        var fromFile = PatientFileLoader.Load(Encoding.UTF8.GetString(reading.Bytes!), bag);
        return new PatientLoad(fromFile?.OverriddenBy(Flags), bag.Sorted(), null);
    }
}

/// <summary>A patient file read: the values (null when it is not a patient file at all), its problems, or the reason it could not be read.</summary>
public sealed record PatientLoad(PatientDraft? Draft, IReadOnlyList<Diagnostic> Problems, string? Unreadable)
{
    public bool HasErrors => Draft is null || Problems.Any(d => d.Severity == Severity.Error);

    /// <summary>The patient for one regimen (its inputs are typed by that regimen's declarations), or null with the problems.</summary>
    public Patient? For(SemanticModel regimen, PatientOptions options, List<Diagnostic> problems) =>
        Draft is null ? null : PatientBuilder.Build(Draft, options, regimen, problems);
}
