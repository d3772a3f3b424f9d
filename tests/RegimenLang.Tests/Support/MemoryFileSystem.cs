using System.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Support;

/// <summary>Files held in memory under absolute paths, counting reads, for workspace tests.</summary>
public sealed class MemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    public Dictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public MemoryFileSystem Add(string path, string text)
    {
        _files[path] = text;
        for (string? folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            _folders.Add(folder);
        }
        return this;
    }

    public MemoryFileSystem AddFolder(string path)
    {
        _folders.Add(path);
        return this;
    }

    public FileReading Read(string path, long maxBytes)
    {
        Reads[path] = Reads.GetValueOrDefault(path) + 1;
        if (!_files.TryGetValue(path, out var text))
        {
            return _folders.Contains(path)
                ? FileReading.Failed(FileProblemKind.Folder, "it is a folder, not a file")
                : FileReading.Failed(FileProblemKind.Missing, "no such file");
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length > maxBytes ? FileReading.Failed(FileProblemKind.TooLarge, "too large", bytes.Length) : FileReading.Of(bytes);
    }

    public bool IsFile(string path) => _files.ContainsKey(path);

    public bool IsDirectory(string path) => _folders.Contains(path);

    public IEnumerable<string> FindFiles(string folder, string extension) =>
        _files.Keys.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal) && p.EndsWith(extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public string? WriteAtomically(string path, string text)
    {
        Add(path, text);
        return null;
    }
}
