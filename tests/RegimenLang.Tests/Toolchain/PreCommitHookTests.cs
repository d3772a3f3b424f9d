using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Toolchain;

/// <summary>
/// Installs docs/hooks/pre-commit in a scratch git repository, as the README says, with REGIMEN
/// pointing at the CLI built beside this test assembly, and commits through it. Needs git and bash:
/// if either is missing the tests fail (they never skip).
/// </summary>
public sealed class PreCommitHookTests : IDisposable
{
    private const string Clean = "regimen \"Clean\"\nid: clean\nsource: NCT00000001\n\ncycle A length 28 days {\n  vincristine 2 mg IV day 1\n}\n\nplan {\n  induction: A x 2\n}\n";
    private const string WithError = "regimen \"Broken\"\nid: broken\nsource: NCT00000001\n\ncycle A length 28 days {\n  cytarabine .5 g/m2 IV day 1\n}\n\nplan {\n  induction: A x 2\n}\n";
    private const string NotCanonical = "regimen \"Clean\"\nid: clean\nsource: NCT00000001\n\ncycle A length 28 days {\n      vincristine 2 MG iv day 1\n}\n\nplan {\n  induction: A x 2\n}\n";

    private readonly string _root = Directory.CreateTempSubdirectory("hook-").FullName;
    private readonly string _repo;
    private readonly Dictionary<string, string> _environment;

    public PreCommitHookTests()
    {
        _repo = Path.Combine(_root, "repo");
        Directory.CreateDirectory(_repo);
        string wrapper = WriteRegimenWrapper();
        _environment = new()
        {
            ["HOME"] = _root,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["REGIMEN"] = wrapper,
        };
        Git("init", "-q");
        Git("config", "user.email", "test@example.org");
        Git("config", "user.name", "Hook Test");
        Git("config", "commit.gpgsign", "false");

        // Installed exactly as the README says: copy the script into .git/hooks and make it executable.
        string hook = Path.Combine(_repo, ".git", "hooks", "pre-commit");
        File.Copy(RepoPaths.Combine("docs", "hooks", "pre-commit"), hook, overwrite: true);
        MakeExecutable(hook);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A tiny script that runs the built CLI (regimen.dll beside this assembly) with dotnet.</summary>
    private string WriteRegimenWrapper()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "regimen.dll");
        Assert.True(File.Exists(dll), $"the built CLI is missing: {dll}");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        string wrapper = Path.Combine(_root, "regimen");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec \"{dotnet}\" \"{dll}\" \"$@\"\n");
        MakeExecutable(wrapper);
        return wrapper;
    }

    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("the git hook tests need a Unix system");
            return;
        }
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private (int Exit, string Output) Git(params string[] args)
    {
        (int, string) result;
        try
        {
            result = ProcessRunner.Run(_repo, _environment, "git", args);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"git is needed for this test and could not be run: {e.Message}");
            throw;
        }
        return result;
    }

    private void Stage(string path, string text)
    {
        string full = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        Assert.Equal(0, Git("add", path).Exit);
    }

    private (int Exit, string Output) Commit(string message) => Git("commit", "-m", message);

    private int CommitCount() => Git("rev-list", "--count", "--all") is (0, var count) ? int.Parse(count.Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public void A_regimen_with_an_error_is_blocked_and_a_clean_one_goes_through()
    {
        Stage("protocols/a.regimen", WithError);
        var (blocked, output) = Commit("broken");
        Assert.NotEqual(0, blocked);
        Assert.Contains("protocols/a.regimen:6:14: error RL0002", output, StringComparison.Ordinal);
        Assert.Equal(0, CommitCount());

        Stage("protocols/a.regimen", Clean);
        var (exit, log) = Commit("clean");
        Assert.True(exit == 0, log);
        Assert.Equal(1, CommitCount());
    }

    [Fact]
    public void A_regimen_not_in_canonical_form_is_blocked()
    {
        Stage("b.regimen", NotCanonical);
        var (exit, output) = Commit("unformatted");
        Assert.NotEqual(0, exit);
        Assert.Contains("b.regimen", output, StringComparison.Ordinal);
        Assert.Contains("regimen fmt", output, StringComparison.Ordinal);
        Assert.Equal(0, CommitCount());
    }

    [Fact]
    public void The_staged_content_is_checked_not_the_working_tree()
    {
        // Broken in the index, fixed only in the working tree: still blocked.
        Stage("c.regimen", WithError);
        File.WriteAllText(Path.Combine(_repo, "c.regimen"), Clean);
        Assert.NotEqual(0, Commit("index is broken").Exit);

        // Clean in the index, broken only in the working tree: goes through.
        Stage("c.regimen", Clean);
        File.WriteAllText(Path.Combine(_repo, "c.regimen"), WithError);
        var (exit, log) = Commit("index is clean");
        Assert.True(exit == 0, log);
    }

    [Fact]
    public void Commits_without_regimen_files_are_not_checked()
    {
        Stage("notes.txt", "cytarabine .5 g/m2\n");
        var (exit, log) = Commit("no regimens");
        Assert.True(exit == 0, log);
    }

    private const string NoSource = "regimen \"No source\"\nid: nosource\n\ncycle A length 28 days {\n  vincristine 2 mg IV day 1\n}\n\nplan {\n  induction: A x 2\n}\n";
    private const string LocalDrug = "regimen \"Local\"\nid: local\nsource: NCT00000001\n\ncycle A length 28 days {\n  localmab 10 mg IV day 1\n}\n\nplan {\n  induction: A x 2\n}\n";

    [Fact]
    public void The_repository_configuration_is_read_from_the_index()
    {
        // A warning raised to error by the staged regimen.yaml blocks the commit.
        Stage("regimen.yaml", "rules:\n  RL5005: error\n");
        Stage("p/a.regimen", NoSource);
        var (exit, output) = Commit("no source");
        Assert.NotEqual(0, exit);
        Assert.Contains("p/a.regimen:1:1: error RL5005", output, StringComparison.Ordinal);

        // The configuration as staged counts, not as in the working tree.
        File.WriteAllText(Path.Combine(_repo, "regimen.yaml"), "rules:\n  RL5005: off\n");
        Assert.NotEqual(0, Commit("still no source").Exit);
        Assert.Equal(0, CommitCount());
    }

    [Fact]
    public void A_drug_from_the_staged_local_formulary_is_known()
    {
        Stage("b.regimen", LocalDrug);
        Assert.NotEqual(0, Commit("unknown drug").Exit);

        Stage("formulary/local.yaml", "drugs:\n  - name: localmab\n    class: test\n    routes: [IV]\n    source: \"local policy\"\n");
        Stage("regimen.yaml", "formulary:\n  - formulary/local.yaml\n");
        var (exit, log) = Commit("local drug");
        Assert.True(exit == 0, log);
    }

    [Fact]
    public void A_configuration_above_the_repository_takes_no_part()
    {
        // Were this file read, the warning would become an error and block the commit.
        File.WriteAllText(Path.Combine(_root, "regimen.yaml"), "rules:\n  RL5005: error\n");
        Stage("c.regimen", NoSource);
        var (exit, log) = Commit("warning only");
        Assert.True(exit == 0, log);
        Assert.Contains("warning RL5005", log, StringComparison.Ordinal);
    }
}
