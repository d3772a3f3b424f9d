using System.Text.Json;
using RegimenLang.Output;
using RegimenLang.Semantics.Patients;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Cli;

/// <summary>
/// <c>regimen diff</c> on the fixtures of Fixtures/Diff: <c>base.regimen</c> against one version per kind of change (a
/// golden text each), all of them at once in every format, a version that changes nothing for the patient (exit 0), and
/// bad input. The git side (REV:path, textconv) is in Toolchain/GitDiffTests.
/// </summary>
public sealed class DiffCommandTests : TempFolder
{
    private static readonly string Fixtures = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Diff");

    public DiffCommandTests() : base("regimen-diff-")
    {
    }

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static (int Exit, string Out, string Error) Diff(string version, params string[] extra) =>
        CliRunner.Run(["diff", Fixture("base.regimen"), Fixture(version + ".regimen"), "--patient", Fixture("base.patient.yaml"), .. extra]);

    /// <summary>The output with the repository's folder taken out of the file names, so the golden files hold in any checkout.</summary>
    private static string Portable(string text) => text.Replace(RepoPaths.Root.Replace('\\', '/') + "/", "", StringComparison.Ordinal);

    [Theory]
    [InlineData("moved", "moved")]
    [InlineData("redosed", "re-dosed")]
    [InlineData("added", "added")]
    [InlineData("removed", "removed")]
    [InlineData("finding", "re-dosed")]
    public void Each_kind_of_change_is_reported_and_exits_1(string version, string kind)
    {
        var (exit, output, error) = Diff(version);
        Assert.True(exit == 1, output + error);
        Assert.Contains($"\n  {kind} ", output, StringComparison.Ordinal);
        Golden.Verify(Fixture(version + ".text.verified.txt"), Portable(output));
    }

    [Fact]
    public void A_new_error_for_the_patient_is_a_finding_that_appears_and_a_lost_one_disappears()
    {
        var (_, output, _) = Diff("finding");
        Assert.Contains("+ error RL3002", output, StringComparison.Ordinal);
        var reverse = CliRunner.Run("diff", Fixture("finding.regimen"), Fixture("base.regimen"), "--patient", Fixture("base.patient.yaml"));
        Assert.Equal(1, reverse.Exit);
        Assert.Contains("- error RL3002", reverse.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Reordered_lines_change_nothing_for_the_patient_and_exit_0()
    {
        var (exit, output, error) = Diff("unchanged");
        Assert.True(exit == 0, output + error);
        Assert.Contains("no change for the patient (18 administrations)", output, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("diff", Fixture("base.regimen"), Fixture("base.regimen"), "--patient", Fixture("base.patient.yaml")).Exit);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("md")]
    [InlineData("json")]
    public void Every_format_has_a_golden_file(string format)
    {
        var (exit, output, error) = Diff("combined", "--format", format);
        Assert.True(exit == 1, output + error);
        Golden.Verify(Fixture($"combined.{format}.verified.txt"), Portable(output));
    }

    [Fact]
    public void The_json_counts_agree_with_the_changes_listed()
    {
        var (_, output, _) = Diff("combined", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        var changes = root.GetProperty("administrations").EnumerateArray().Select(a => a.GetProperty("change").GetString()).ToList();
        var counts = root.GetProperty("counts");
        Assert.Equal(counts.GetProperty("added").GetInt32(), changes.Count(c => c == "added"));
        Assert.Equal(counts.GetProperty("moved").GetInt32(), changes.Count(c => c == "moved"));
        Assert.Equal(counts.GetProperty("redosed").GetInt32(), changes.Count(c => c == "re-dosed"));
        Assert.Equal(counts.GetProperty("after").GetInt32() - counts.GetProperty("before").GetInt32(),
            counts.GetProperty("added").GetInt32() - counts.GetProperty("removed").GetInt32());
    }

    [Fact]
    public void A_version_that_cannot_be_expanded_is_reported_with_its_position_and_exits_2()
    {
        string broken = Write("broken.regimen", File.ReadAllText(Fixture("base.regimen")).Replace("doxorubicin 50 mg/m2 IV day 1", "doxorubicin 50 mg/m2 IV dya 1", StringComparison.Ordinal));
        var (exit, output, error) = CliRunner.Run("diff", Fixture("base.regimen"), broken, "--patient", Fixture("base.patient.yaml"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Matches(@"broken\.regimen:8:\d+: error RL0", error);
        Assert.Contains("nothing was compared", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_revision_is_a_usage_error()
    {
        var missing = CliRunner.Run("diff", Fixture("base.regimen"), Path.Combine(Folder, "nope.regimen"), "--patient", Fixture("base.patient.yaml"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("cannot read", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_patient_fact_names_the_fact_instead_of_comparing()
    {
        var (exit, _, error) = CliRunner.Run("diff", Fixture("base.regimen"), Fixture("moved.regimen"), "--age", "54");
        Assert.Equal(2, exit);
        Assert.Contains("RL6001", error, StringComparison.Ordinal);
    }

    /// <summary>Reading a golden table back gives what the timeline itself gives: the snapshot summary compares like with like.</summary>
    [Fact]
    public void A_table_read_back_is_the_digest_of_its_timeline_for_every_shipped_regimen()
    {
        foreach (string regimen in RepoPaths.RegimenFiles)
        {
            var source = new PatientSource(regimen[..^".regimen".Length] + ".patient.yaml", PatientDraft.Empty, new PatientOptions(BsaFormula.Mosteller, null, SnapshotRun.DefaultStart));
            var timeline = Expansion.Run(new RegimenWorkspace(PhysicalFileSystem.Instance), regimen, source).Timeline;
            Assert.NotNull(timeline);
            var direct = TimelineDigest.From(timeline, null);
            var read = TimelineTableReader.Read(TimelineTableWriter.Write(timeline));
            Assert.Equal(direct.Patient, read.Patient);
            Assert.Equal(direct.Administrations.Length, read.Administrations.Length);
            for (int i = 0; i < direct.Administrations.Length; i++)
            {
                Assert.True(direct.Administrations[i] == read.Administrations[i], $"{regimen} #{i}: {direct.Administrations[i]} read back as {read.Administrations[i]}");
            }
            Assert.Equal([.. direct.CycleTotals], read.CycleTotals.ToArray());
            Assert.Equal([.. direct.PlanTotals], read.PlanTotals.ToArray());
            Assert.True(TimelineComparer.Compare(read, direct, "golden", "timeline").IsEmpty, regimen);
        }
    }

    [Fact]
    public void Snapshot_shows_what_changes_for_the_patient_above_its_line_diff()
    {
        string regimen = Write("r.regimen", File.ReadAllText(Fixture("base.regimen")));
        Write("r.patient.yaml", File.ReadAllText(Fixture("base.patient.yaml")));
        Assert.Equal(0, CliRunner.Run("snapshot", regimen, "--update").Exit);
        File.WriteAllText(regimen, File.ReadAllText(Fixture("moved.regimen")));

        var (exit, output, _) = CliRunner.Run("snapshot", regimen);
        Assert.Equal(1, exit);
        int summary = output.IndexOf("changes for the patient: administrations: 2 moved", StringComparison.Ordinal);
        int moved = output.IndexOf("  moved     prednisone PO 100 mg: main 1 (plan cycle 1) day 1, 2026-01-05 08:00 -> day 6, 2026-01-10 08:00", StringComparison.Ordinal);
        int lineDiff = output.IndexOf("@@ ", StringComparison.Ordinal);
        Assert.True(summary >= 0 && moved > summary && lineDiff > moved, output);
    }
}
