using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Workspace;

/// <summary>
/// The workspace reads every file through its file system, holds editor documents with versions, and
/// forgets what was read of a configuration or formulary when told it changed (never a cache for ever).
/// </summary>
public sealed class RegimenWorkspaceTests
{
    private const string Root = "/repo";
    private const string File = Root + "/p/a.regimen";
    private const string Config = Root + "/regimen.yaml";
    private const string Local = Root + "/local.yaml";
    private const string LocalDrugFormulary = "drugs:\n  - name: localmab\n    class: test\n    routes: [IV]\n    source: \"local policy\"\n";

    private static readonly string NoSource = "regimen \"T\"\ncycle A length 28 days {\n  localmab 10 mg IV day 1\n}\nplan {\n  main: A\n}\n";

    private static MemoryFileSystem Disk() => new MemoryFileSystem().Add(File, NoSource).AddFolder(Root + "/.git");

    private static IReadOnlyList<string> Codes(RegimenCompilation compilation) =>
        [.. compilation.Diagnostics.Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Code}")];

    [Fact]
    public void A_document_held_by_an_editor_wins_over_the_disk_and_keeps_its_version()
    {
        var workspace = new RegimenWorkspace(Disk());
        var open = workspace.Update(File, Parsing.Regimen("vincristine 2 mg IT day 1"), version: 7);
        Assert.Equal(7, open.Version);
        var loaded = workspace.Load(File).Compilation!;
        Assert.Same(open, loaded);
        Assert.Contains(loaded.Diagnostics, d => d.Code == "RL3001");

        workspace.Close(File);
        Assert.Contains(workspace.Load(File).Compilation!.Diagnostics, d => d.Code == "RL1001"); // the disk's text again
    }

    [Fact]
    public void A_changed_configuration_is_read_again_only_when_the_workspace_is_told()
    {
        var disk = Disk().Add(Config, "rules:\n  RL5005: error\n");
        var workspace = new RegimenWorkspace(disk);
        Assert.Contains("error RL5005", Codes(workspace.Load(File).Compilation!));
        Assert.Contains("error RL5005", Codes(workspace.Load(File).Compilation!));
        Assert.Equal(1, disk.Reads[Config]); // read once for both loads

        disk.Add(Config, "rules:\n  RL5005: off\n");
        workspace.FileChanged(Config);
        Assert.DoesNotContain(Codes(workspace.Load(File).Compilation!), c => c.EndsWith("RL5005", StringComparison.Ordinal));
        Assert.Equal(2, disk.Reads[Config]);
    }

    [Fact]
    public void An_open_document_is_checked_again_against_a_changed_formulary()
    {
        var disk = Disk().Add(Config, "formulary:\n  - local.yaml\n").Add(Local, "drugs: []\n");
        var workspace = new RegimenWorkspace(disk);
        workspace.Update(File, NoSource, version: 1);
        Assert.Contains("error RL1001", Codes(workspace.Open(File)!));

        disk.Add(Local, LocalDrugFormulary);
        workspace.FileChanged(Local);
        var rebuilt = workspace.Open(File)!;
        Assert.DoesNotContain("error RL1001", Codes(rebuilt));
        Assert.Equal(1, rebuilt.Version);
    }

    [Fact]
    public void The_configuration_search_stops_at_the_repository_root()
    {
        var disk = Disk().Add("/regimen.yaml", "rules:\n  RL5005: error\n");
        var codes = Codes(new RegimenWorkspace(disk).Load(File).Compilation!);
        Assert.Contains("warning RL5005", codes);
        Assert.False(disk.Reads.ContainsKey("/regimen.yaml"));
    }

    [Fact]
    public void An_unreadable_regimen_says_why_and_a_too_large_one_is_a_finding()
    {
        var disk = Disk().AddFolder(Root + "/folder.regimen").Add(Root + "/big.regimen", new string('#', (int)RegimenLang.Syntax.SourceDecoder.MaxFileBytes + 10));
        var workspace = new RegimenWorkspace(disk);
        Assert.Equal("no such file", workspace.Load(Root + "/none.regimen").Unreadable!.Reason);
        Assert.Equal("it is a folder, not a file", workspace.Load(Root + "/folder.regimen").Unreadable!.Reason);
        Assert.Equal("RL0007", workspace.Load(Root + "/big.regimen").Problem!.Code);
    }

    [Fact]
    public void An_unreadable_formulary_named_by_the_configuration_is_a_finding_at_the_configuration()
    {
        var disk = Disk().Add(Config, "formulary:\n  - local.yaml\n");
        // Reported once per run by the check run, not by every file's compilation.
        var setup = new RegimenWorkspace(disk).Load(File).Compilation!.Setup;
        var problems = setup.Problems.Where(d => d.Code is "RL1020" or "RL5007").ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, d => Assert.Equal(Config, d.File));
    }
}
