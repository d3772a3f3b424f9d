using RegimenLang.Tests.Support;
using RegimenLang.Workspace;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Workspace;

/// <summary><c>regimen fix</c>: each mechanical fix a finding carries, applied to a file, and the command's write policy.</summary>
public sealed class FixRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The cycle's body line after <c>regimen fix</c> ran on a one-line regimen.</summary>
    private string Fixed(string line)
    {
        string path = Write("a.regimen", Parsing.Regimen(line));
        var results = FixRun.Run(new RegimenWorkspace(PhysicalFileSystem.Instance), [path], write: true);
        Assert.Null(Assert.Single(results).Error);
        return File.ReadAllText(path).Split('\n')[3].Trim();
    }

    [Theory]
    [InlineData("cytarabine .5 g/m2 IV day 1", "cytarabine 0.5 g/m2 IV day 1")]
    [InlineData("vincristine 2.0 mg IV day 1", "vincristine 2 mg IV day 1")]
    [InlineData("blinatumomab 28 ug/day CIV days 1-28", "blinatumomab 28 mcg/day CIV days 1-28")]
    [InlineData("blinatumomab 28 µg/day CIV days 1-28", "blinatumomab 28 mcg/day CIV days 1-28")]
    [InlineData("dexamethasone 20 mg PO qd days 1-4", "dexamethasone 20 mg PO daily days 1-4")]
    [InlineData("dexamethasone 20 mg PO qod days 1-5", "dexamethasone 20 mg PO days 1, 3, 5")]
    [InlineData("vincristine 1.4 mg/m2 IV day 1", "vincristine 1.4 mg/m2 IV day 1 cap 2 mg")]
    [InlineData("vincristin 2 mg IV day 1", "vincristine 2 mg IV day 1")]
    [InlineData("cyclophosphamide 300 mg/m2 IV days 1\u20133", "cyclophosphamide 300 mg/m2 IV days 1-3")]
    public void Each_mechanical_finding_is_fixed_in_place(string line, string expected) => Assert.Equal(expected, Fixed(line));

    [Fact]
    public void Units_written_as_U_or_IU_become_units()
    {
        string fixedLine = Fixed("pegaspargase 2500 IU/m2 IM day 4");
        Assert.Equal("pegaspargase 2500 units/m2 IM day 4", fixedLine);
    }

    [Fact]
    public void A_fixed_file_has_no_finding_left_that_carries_a_fix()
    {
        string path = Write("b.regimen", Parsing.Regimen("cytarabine .5 g/m2 IV qd days 1-3", "vincristine 1.4 mg/m2 IV day 1"));
        FixRun.Run(new RegimenWorkspace(PhysicalFileSystem.Instance), [path], write: true);
        var compilation = Parsing.Check(File.ReadAllText(path));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Fixes.Length > 0);
    }

    [Fact]
    public void Check_and_diff_write_nothing_and_exit_1_then_fix_writes_and_a_second_run_has_nothing_to_do()
    {
        string text = Parsing.Regimen("cytarabine .5 g/m2 IV day 1");
        string path = Write("c.regimen", text);

        var check = Run("fix", "--check", path);
        Assert.Equal(1, check.Exit);
        Assert.Contains("c.regimen", check.Out, StringComparison.Ordinal);
        Assert.Contains("would apply 1 fix in 1 file", check.Error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));

        var diff = Run("fix", "--diff", path);
        Assert.Equal(1, diff.Exit);
        Assert.Contains("-  cytarabine .5 g/m2 IV day 1", diff.Out, StringComparison.Ordinal);
        Assert.Contains("+  cytarabine 0.5 g/m2 IV day 1", diff.Out, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));

        var write = Run("fix", path);
        Assert.Equal(0, write.Exit);
        Assert.Contains("applied 1 fix in 1 file", write.Error, StringComparison.Ordinal);
        Assert.Contains("cytarabine 0.5 g/m2", File.ReadAllText(path), StringComparison.Ordinal);

        var again = Run("fix", "--check", path);
        Assert.Equal(0, again.Exit);
        Assert.Contains("would apply 0 fixes in 0 files", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_without_a_fix_are_left_alone()
    {
        string text = Parsing.Regimen("vincristine 2 mg IT day 1");
        string path = Write("d.regimen", text);
        var run = Run("fix", path);
        Assert.Equal(0, run.Exit);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Overlapping_edits_apply_the_first_and_leave_the_other()
    {
        var fixes = new[]
        {
            new RegimenLang.Diagnostics.CodeFix("a", [new RegimenLang.Diagnostics.TextEdit(new RegimenLang.Text.SourceSpan(0, 3, 1, 1), "xyz")], true),
            new RegimenLang.Diagnostics.CodeFix("b", [new RegimenLang.Diagnostics.TextEdit(new RegimenLang.Text.SourceSpan(2, 2, 1, 3), "QQ")], true),
            new RegimenLang.Diagnostics.CodeFix("c", [new RegimenLang.Diagnostics.TextEdit(new RegimenLang.Text.SourceSpan(5, 1, 1, 6), "!")], true),
        };
        var (text, applied) = FixRun.Apply("abcdef", fixes);
        Assert.Equal("xyzde!", text);
        Assert.Equal(2, applied);
    }
}
