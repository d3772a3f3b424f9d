using RegimenLang.Workspace;

namespace RegimenLang.Fuzz;

/// <summary>
/// The files of one fuzz case, held in memory: the workspace reads the regimen, its patient file, its
/// regimen.yaml and formulary through the same <see cref="IFileSystem"/> the CLI uses, without touching
/// the disk (so a million inputs cost no I/O and leave nothing behind). Paths are compared in their full
/// form, as the workspace computes them.
/// </summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    public void AddFile(string path, byte[] bytes)
    {
        string key = Key(path);
        _files[key] = bytes;
        for (string? folder = Path.GetDirectoryName(key); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            _folders.Add(Key(folder));
        }
    }

    public void AddFolder(string path) => _folders.Add(Key(path));

    public FileReading Read(string path, long maxBytes)
    {
        if (_files.TryGetValue(Key(path), out var bytes))
        {
            return bytes.Length > maxBytes ? FileReading.Failed(FileProblemKind.TooLarge, "too large", bytes.Length) : FileReading.Of(bytes);
        }
        return _folders.Contains(Key(path))
            ? FileReading.Failed(FileProblemKind.Folder, "a folder, not a file")
            : FileReading.Failed(FileProblemKind.Missing, "no such file");
    }

    public bool IsFile(string path) => _files.ContainsKey(Key(path));

    public bool IsDirectory(string path) => _folders.Contains(Key(path));

    public IEnumerable<string> FindFiles(string folder, string extension)
    {
        string prefix = Key(folder).TrimEnd('/') + "/";
        return _files.Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(extension, StringComparison.Ordinal));
    }

    public string? WriteAtomically(string path, string text)
    {
        _files[Key(path)] = System.Text.Encoding.UTF8.GetBytes(text);
        return null;
    }

    private static string Key(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }
}
