using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Toolchain;

/// <summary>
/// <c>regimen diff</c> with git revisions and the <c>diff=regimen</c> textconv setup of the README, in a scratch git
/// repository, through the built CLI as git and a shell run it. Needs git: without it the tests fail (they never skip).
/// </summary>
public sealed class GitDiffTests : IDisposable
{
    private static readonly string Fixtures = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Diff");

    private readonly string _root = Directory.CreateTempSubdirectory("git-diff-").FullName;
    private readonly string _repo;
    private readonly string _regimen;
    private readonly Dictionary<string, string> _environment;

    public GitDiffTests()
    {
        _repo = Path.Combine(_root, "repo");
        Directory.CreateDirectory(Path.Combine(_repo, "regimens"));
        _regimen = Path.Combine(_repo, "regimens", "chop.regimen");
        _environment = new() { ["HOME"] = _root, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        Git("init", "-q");
        Git("config", "user.email", "test@example.org");
        Git("config", "user.name", "Diff Test");
        Git("config", "commit.gpgsign", "false");
        File.Copy(Path.Combine(Fixtures, "base.regimen"), _regimen);
        File.Copy(Path.Combine(Fixtures, "base.patient.yaml"), Path.Combine(_repo, "regimens", "chop.patient.yaml"));
        Git("add", ".");
        Git("commit", "-q", "-m", "base");
        // The working tree moves prednisone by a day and lowers doxorubicin.
        File.Copy(Path.Combine(Fixtures, "combined.regimen"), _regimen, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_git_revision_is_compared_with_the_working_tree()
    {
        var (exit, output) = Regimen("diff", "HEAD:regimens/chop.regimen", "regimens/chop.regimen", "--patient", "regimens/chop.patient.yaml");
        Assert.True(exit == 1, output);
        Assert.Contains("regimen diff: HEAD:regimens/chop.regimen -> regimens/chop.regimen", output, StringComparison.Ordinal);
        Assert.Contains("moved     prednisone PO 100 mg: main 1 (plan cycle 1) day 1, 2026-01-05 08:00 -> day 6, 2026-01-10 08:00", output, StringComparison.Ordinal);

        // A path from the current folder, and the same revision on both sides.
        Assert.Equal(0, Regimen("diff", "HEAD:./regimens/chop.regimen", "HEAD:regimens/chop.regimen", "--patient", "regimens/chop.patient.yaml").Exit);

        Git("add", ".");
        Git("commit", "-q", "-m", "change");
        var (again, text) = Regimen("diff", "HEAD~1:regimens/chop.regimen", "HEAD:regimens/chop.regimen", "--patient", "regimens/chop.patient.yaml", "--format", "json");
        Assert.True(again == 1, text);
        Assert.Contains("\"moved\": 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_git_does_not_know_is_a_usage_error_with_gits_reason()
    {
        var (exit, output) = Regimen("diff", "no-such-branch:regimens/chop.regimen", "regimens/chop.regimen", "--patient", "regimens/chop.patient.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("cannot read no-such-branch:regimens/chop.regimen", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_diff_shows_the_timeline_change_with_the_textconv_setup_of_the_readme()
    {
        File.WriteAllText(Path.Combine(_repo, ".gitattributes"), "*.regimen diff=regimen\n");
        Git("config", "diff.regimen.textconv", $"{Wrapper()} textconv --patient regimens/chop.patient.yaml");

        var (exit, output) = Git("diff", "--", "regimens/chop.regimen");
        Assert.True(exit == 0, output);
        // Timeline rows, not the regimen's own lines: prednisone no longer on day 1, doxorubicin at 73.6 mg.
        Assert.Matches(@"(?m)^-    08:00  day 1 +prednisone +PO +100 mg", output);
        Assert.Matches(@"(?m)^\+    08:00  day 6 +prednisone +PO +100 mg", output);
        Assert.Matches(@"(?m)^\+    08:00  day 1 +doxorubicin +IV +40 mg/m2 +73\.6 mg", output);
        Assert.DoesNotContain("days 2-6", output, StringComparison.Ordinal);
        Assert.DoesNotContain("file: ", output, StringComparison.Ordinal);

        // A broken version is shown as its findings, and git diff still works.
        File.WriteAllText(_regimen, File.ReadAllText(_regimen).Replace("IV day 1", "IV dya 1", StringComparison.Ordinal));
        var (brokenExit, broken) = Git("diff", "--", "regimens/chop.regimen");
        Assert.True(brokenExit == 0, broken);
        Assert.Contains("+not expanded for this patient:", broken, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\+\d+:\d+: error RL0", broken);
    }

    private (int Exit, string Output) Regimen(params string[] args) => ProcessRunner.Run(_repo, _environment, Wrapper(), args);

    /// <summary>A tiny script that runs the built CLI (regimen.dll beside this assembly) with dotnet.</summary>
    private string Wrapper()
    {
        string wrapper = Path.Combine(_root, "regimen");
        if (File.Exists(wrapper))
        {
            return wrapper;
        }
        string dll = Path.Combine(AppContext.BaseDirectory, "regimen.dll");
        Assert.True(File.Exists(dll), $"the built CLI is missing: {dll}");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec \"{dotnet}\" \"{dll}\" \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("the git diff tests need a Unix system");
            return wrapper;
        }
        File.SetUnixFileMode(wrapper, File.GetUnixFileMode(wrapper) | UnixFileMode.UserExecute);
        return wrapper;
    }

    private (int Exit, string Output) Git(params string[] args)
    {
        try
        {
            return ProcessRunner.Run(_repo, _environment, "git", args);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"git is needed for this test and could not be run: {e.Message}");
            throw;
        }
    }
}
