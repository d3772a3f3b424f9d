using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

/// <summary><c>regimen fmt</c> on real files in a scratch folder.</summary>
public sealed class FmtCommandTests : IDisposable
{
    private const string Messy = "regimen   \"Messy\"\nid: messy\nsource: NCT00000001\ncycle A length 28 days {\n    vincristine 2 MG iv DAY 1 cap 2 mg\n}\nplan {\ninduction: A x 2\n}\n";
    private const string Canonical = "regimen \"Messy\"\nid: messy\nsource: NCT00000001\n\ncycle A length 28 days {\n  vincristine 2 mg IV day 1 cap 2 mg\n}\n\nplan {\n  induction: A x 2\n}\n";
    private const string Broken = "regimen \"Broken\"\ncycle A length 28 days {\n    cytarabine .5 g/m2 IV day 1\n}\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Formats_a_file_in_place()
    {
        string file = Write("a.regimen", Messy);
        var (exit, _, error) = Run("fmt", file);
        Assert.Equal(0, exit);
        Assert.Equal(Canonical, File.ReadAllText(file));
        Assert.Contains("reformatted 1 of 1 file", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Formats_folders_recursively_and_leaves_canonical_files_untouched()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        string messy = Write("sub/b.regimen", Messy);
        string clean = Write("c.regimen", Canonical);
        var before = File.GetLastWriteTimeUtc(clean);
        Thread.Sleep(20);
        var (exit, _, _) = Run("fmt", _dir);
        Assert.Equal(0, exit);
        Assert.Equal(Canonical, File.ReadAllText(messy));
        Assert.Equal(before, File.GetLastWriteTimeUtc(clean));
    }

    [Fact]
    public void Check_writes_nothing_lists_the_file_and_exits_1()
    {
        string file = Write("a.regimen", Messy);
        string clean = Write("b.regimen", Canonical);
        var (exit, output, _) = Run("fmt", "--check", file, clean);
        Assert.Equal(1, exit);
        Assert.Equal(file + "\n", output);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void Check_passes_on_canonical_files() =>
        Assert.Equal(0, Run("fmt", "--check", Write("b.regimen", Canonical)).Exit);

    [Fact]
    public void Check_passes_on_the_shipped_regimens() =>
        Assert.Equal(0, Run("fmt", "--check", RepoPaths.Regimens).Exit);

    [Fact]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        string file = Write("a.regimen", Messy);
        var (exit, output, _) = Run("fmt", "--diff", file);
        Assert.Equal(1, exit);
        Assert.Contains($"--- {file}\n+++ {file}\n@@ ", output, StringComparison.Ordinal);
        Assert.Contains("-    vincristine 2 MG iv DAY 1 cap 2 mg\n+  vincristine 2 mg IV day 1 cap 2 mg\n", output, StringComparison.Ordinal);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void Diff_of_a_file_with_a_lone_carriage_return_is_printed()
    {
        // A lone '\r' is not a line break for fmt; the diff once split lines there too and ran past its arrays (found by fuzzing).
        string file = Write("cr.regimen", "s:\r");
        var (exit, output, error) = Run("fmt", "--diff", file);
        Assert.True(exit == 1, error);
        Assert.Contains("@@ -1,1 +1,1 @@\n-s:\r\n+s:\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_a_canonical_file_is_empty() =>
        Assert.Equal((0, ""), (Run("fmt", "--diff", Write("b.regimen", Canonical)) is var r ? (r.Exit, r.Out) : default));

    [Fact]
    public void A_file_with_syntax_errors_is_refused_and_left_unchanged()
    {
        string file = Write("bad.regimen", Broken);
        string good = Write("good.regimen", Messy);
        var (exit, output, error) = Run("fmt", file, good);
        Assert.Equal(1, exit);
        Assert.Contains("RL0002", output, StringComparison.Ordinal);
        Assert.Contains($"{file}:3:16", output, StringComparison.Ordinal);
        Assert.Contains("has syntax errors; not formatted", error, StringComparison.Ordinal);
        Assert.Equal(Broken, File.ReadAllText(file));
        // The other file is still formatted.
        Assert.Equal(Canonical, File.ReadAllText(good));
    }

    [Fact]
    public void Invalid_utf8_is_refused_and_left_unchanged()
    {
        string file = Path.Combine(_dir, "bin.regimen");
        byte[] bytes = [.. "regimen \"x\"\n"u8.ToArray(), 0xFF, 0xFE, (byte)'\n'];
        File.WriteAllBytes(file, bytes);
        var (exit, output, _) = Run("fmt", file);
        Assert.Equal(1, exit);
        Assert.Contains("RL0005", output, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    public void Writing_keeps_the_file_mode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("this test needs Unix file modes");
            return;
        }
        string file = Write("a.regimen", Messy);
        File.SetUnixFileMode(file, mode);
        Assert.Equal(0, Run("fmt", file).Exit);
        Assert.Equal(Canonical, File.ReadAllText(file));
        Assert.Equal(mode, File.GetUnixFileMode(file));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_is_formatted()
    {
        string target = Write("target.regimen", Messy);
        string link = Path.Combine(_dir, "link.regimen");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(0, Run("fmt", link).Exit);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(Canonical, File.ReadAllText(target));

        // Both the link and its target named in one run: formatted once, no complaint.
        File.WriteAllText(target, Messy);
        Assert.Equal(0, Run("fmt", _dir).Exit);
        Assert.Equal(Canonical, File.ReadAllText(target));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error() =>
        Assert.Equal(2, Run("fmt", Path.Combine(_dir, "nope.regimen")).Exit);

    [Fact]
    public void A_folder_without_regimens_is_a_usage_error() =>
        Assert.Equal(2, Run("fmt", _dir).Exit);

    [Fact]
    public void Help_has_examples()
    {
        var (exit, output, _) = Run("fmt", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("regimen fmt", output, StringComparison.Ordinal);
    }
}
