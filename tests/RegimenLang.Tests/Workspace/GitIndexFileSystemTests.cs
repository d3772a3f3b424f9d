using System.Text;
using RegimenLang.Tests.Toolchain;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Workspace;

/// <summary>The staged content of a scratch repository, as <c>--staged</c> reads it. Needs git (fails, never skips, without it).</summary>
public sealed class GitIndexFileSystemTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("index-").FullName;
    private readonly Dictionary<string, string> _environment;

    public GitIndexFileSystemTests()
    {
        _environment = new() { ["HOME"] = _repo, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        Git("init", "-q");
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private void Git(params string[] args)
    {
        var (exit, output) = ProcessRunner.Run(_repo, _environment, "git", args);
        Assert.True(exit == 0, output);
    }

    private string Stage(string path, string text)
    {
        string full = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        Git("add", path);
        return full;
    }

    private GitIndexFileSystem Open()
    {
        var (index, error) = GitIndexFileSystem.Open(_repo);
        Assert.True(index is not null, error);
        return index!;
    }

    private static string Text(FileReading reading) => Encoding.UTF8.GetString(reading.Bytes!);

    [Fact]
    public void The_staged_content_is_read_not_the_working_tree()
    {
        string path = Stage("p/a.regimen", "staged\n");
        File.WriteAllText(path, "working tree\n");
        using var index = Open();
        Assert.Equal("staged\n", Text(index.Read(path, 1000)));
    }

    [Fact]
    public void Many_files_are_read_in_turn_with_sizes_and_problems()
    {
        var paths = Enumerable.Range(0, 50).Select(i => Stage($"f/{i:00}.regimen", new string('x', i) + "\n")).ToList();
        string unstaged = Path.Combine(_repo, "f", "new.regimen");
        File.WriteAllText(unstaged, "not added\n");
        using var index = Open();
        for (int i = 0; i < paths.Count; i++)
        {
            Assert.Equal(i + 1, index.Read(paths[i], 1000).Bytes!.Length);
        }
        var tooLarge = index.Read(paths[40], 10).Problem!;
        Assert.Equal(FileProblemKind.TooLarge, tooLarge.Kind);
        Assert.Equal(41, tooLarge.Size);
        Assert.Single(index.Read(paths[0], 1000).Bytes!); // the stream is still in step after skipping
        Assert.Equal("it is not staged", index.Read(unstaged, 1000).Problem!.Reason);
        Assert.Equal(FileProblemKind.Folder, index.Read(Path.Combine(_repo, "f"), 1000).Problem!.Kind);
    }

    [Fact]
    public void Only_staged_regimen_files_are_found_and_the_repository_root_is_a_boundary()
    {
        Stage("a/x.regimen", "x\n");
        Stage("a/b/y.regimen", "y\n");
        Stage("a/notes.txt", "n\n");
        File.WriteAllText(Path.Combine(_repo, "a", "z.regimen"), "not staged\n");
        using var index = Open();
        var found = index.FindFiles(Path.Combine(_repo, "a"), ".regimen").Select(p => Path.GetFileName(p)).ToList();
        Assert.Equal(["y.regimen", "x.regimen"], found);
        Assert.True(index.IsDirectory(Path.Combine(_repo, ".git")));
        Assert.NotNull(index.WriteAtomically(Path.Combine(_repo, "a", "x.regimen"), "changed"));
    }

    [Fact]
    public void Outside_a_repository_opening_the_index_says_why()
    {
        string outside = Directory.CreateTempSubdirectory("no-repo-").FullName;
        try
        {
            var (index, error) = GitIndexFileSystem.Open(outside);
            Assert.Null(index);
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
