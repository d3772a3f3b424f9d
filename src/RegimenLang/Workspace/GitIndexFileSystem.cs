using System.Text;

namespace RegimenLang.Workspace;

/// <summary>
/// The files of a git repository as they are staged (the index), for <c>regimen check --staged</c> in a
/// pre-commit hook: regimen files, <c>regimen.yaml</c> and formulary files are all read from the index,
/// so the commit is checked exactly as it will be recorded, with the repository's own configuration and
/// nothing from outside it. Read-only.
/// </summary>
public sealed class GitIndexFileSystem : IFileSystem, IDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _blobByPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
    // One `git cat-file --batch` for the whole run: a process per file would cost more than the check itself.
    private readonly Lazy<GitBlobReader> _blobs;

    private GitIndexFileSystem(string root)
    {
        _root = root;
        _blobs = new Lazy<GitBlobReader>(() => new GitBlobReader(root));
    }

    public void Dispose()
    {
        if (_blobs.IsValueCreated)
        {
            _blobs.Value.Dispose();
        }
    }

    /// <summary>The index of the repository that holds <paramref name="folder"/>, or null with the reason (not a repository, no git).</summary>
    public static (GitIndexFileSystem? FileSystem, string? Error) Open(string folder)
    {
        var (ok, top, error) = Git(folder, "rev-parse", "--show-toplevel");
        if (!ok)
        {
            return (null, error.Length > 0 ? error.Trim() : "not in a git repository");
        }
        var fs = new GitIndexFileSystem(Path.GetFullPath(top.Trim()));
        var (listed, output, listError) = Git(fs._root, "ls-files", "--stage", "-z");
        if (!listed)
        {
            return (null, listError.Trim());
        }
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <object> <stage>\t<path>"; only regular files at stage 0 (merged) are read.
            int tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            if (fields.Length != 3 || fields[2] != "0" || !fields[0].StartsWith("100", StringComparison.Ordinal))
            {
                continue;
            }
            string path = Path.GetFullPath(Path.Combine(fs._root, entry[(tab + 1)..]));
            fs._blobByPath[path] = fields[1];
            for (string? parent = Path.GetDirectoryName(path); parent is not null && parent.Length >= fs._root.Length; parent = Path.GetDirectoryName(parent))
            {
                if (!fs._folders.Add(parent))
                {
                    break;
                }
            }
        }
        fs._folders.Add(fs._root);
        return (fs, null);
    }

    public string Root => _root;

    public FileReading Read(string path, long maxBytes)
    {
        string full = Path.GetFullPath(path);
        if (!_blobByPath.TryGetValue(full, out var blob))
        {
            return _folders.Contains(full)
                ? FileReading.Failed(FileProblemKind.Folder, "it is a folder, not a file")
                : FileReading.Failed(FileProblemKind.Missing, "it is not staged");
        }
        lock (_blobs)
        {
            return _blobs.Value.Read(blob, maxBytes);
        }
    }

    public bool IsFile(string path) => _blobByPath.ContainsKey(Path.GetFullPath(path));

    public bool IsDirectory(string path)
    {
        string full = Path.GetFullPath(path);
        // The repository's own .git is where the configuration search stops.
        return _folders.Contains(full) || string.Equals(full, Path.Combine(_root, ".git"), StringComparison.Ordinal);
    }

    public IEnumerable<string> FindFiles(string folder, string extension)
    {
        string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string current = Path.GetFullPath(".").TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return _blobByPath.Keys
            .Where(p => p.StartsWith(full, StringComparison.Ordinal) && p.EndsWith(extension, StringComparison.Ordinal))
            .Select(p => p.StartsWith(current, StringComparison.Ordinal) ? p[current.Length..] : p)
            .Order(StringComparer.Ordinal);
    }

    public string? WriteAtomically(string path, string text) => "the staged files are read-only";

    private static (bool Ok, string Output, string Error) Git(string folder, params string[] arguments)
    {
        var bytes = GitBytes(folder, out string error, arguments);
        return bytes is null ? (false, "", error) : (true, Encoding.UTF8.GetString(bytes), "");
    }

    private static byte[]? GitBytes(string folder, out string error, params string[] arguments)
    {
        (var output, error) = GitProcess.Run(folder, long.MaxValue, arguments);
        return output;
    }
}
