using RegimenLang.Output;
using RegimenLang.Semantics.Patients;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Evaluation;

/// <summary>
/// Golden timelines of the timing constructs (Fixtures/Timelines): clock times, lines timed from another across
/// midnight and the start of a cycle, day 0 and negative days, infusions over several days, divided and weekly
/// oral doses, phase blocks and a ramp across a cycle boundary. Each <c>X.regimen</c> is expanded for
/// <c>X.patient.yaml</c> and compared with <c>X.timeline.verified.txt</c> (table), <c>X.json.verified.txt</c> and <c>X.ics.verified.txt</c>.
/// </summary>
public sealed class TimelineFixtureTests
{
    private static readonly string Folder = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Timelines");

    private static IEnumerable<string> Names() => Directory.EnumerateFiles(Folder, "*.regimen").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Fixtures() => [.. Names()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_timeline_matches_its_golden_files(string name)
    {
        string regimen = Path.Combine(Folder, name);
        string stem = regimen[..^".regimen".Length];
        var source = new PatientSource(stem + ".patient.yaml", PatientDraft.Empty, new PatientOptions(BsaFormula.Mosteller, null, SnapshotRun.DefaultStart));
        var result = Expansion.Run(new RegimenWorkspace(PhysicalFileSystem.Instance), regimen, source);
        Assert.True(result.Timeline is not null, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == RegimenLang.Diagnostics.Severity.Error);
        Golden.Verify(stem + ".timeline.verified.txt", TimelineTableWriter.Write(result.Timeline!));
        // The JSON names the regimen file by its full path: golden files hold it relative to the repository, so they
        // compare equal in any checkout.
        string json = OutputFormats.Find(OutputFormats.Timelines, "json").Write(result.Timeline!)
            .Replace(RepoPaths.Root.Replace('\\', '/') + "/", "", StringComparison.Ordinal);
        Golden.Verify(stem + ".json.verified.txt", json);
        // The calendar (CRLF line ends, compared as lines): UIDs from the hash of this patient and plan, DTEND for infusions.
        Golden.Verify(stem + ".ics.verified.txt", OutputFormats.Find(OutputFormats.Timelines, "ics").Write(result.Timeline!));
    }

    [Fact]
    public void Every_fixture_has_a_patient_file() =>
        Assert.All(Names(), name => Assert.True(File.Exists(Path.Combine(Folder, name.Replace(".regimen", ".patient.yaml", StringComparison.Ordinal))), name));
}
