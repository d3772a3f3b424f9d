namespace RegimenLang.Workspace;

/// <summary>Why a file could not be read.</summary>
public enum FileProblemKind
{
    Missing,
    Folder,
    NotARegularFile,
    TooLarge,
    Denied,
    Unreadable,
}

/// <summary>A file that could not be read, with the reason in words ("no such file", "a pipe or a device, not a regular file").</summary>
public sealed record FileProblem(FileProblemKind Kind, string Reason, long Size = 0);

/// <summary>The bytes of a file, or why there are none.</summary>
public sealed record FileReading(byte[]? Bytes, FileProblem? Problem)
{
    public static FileReading Of(byte[] bytes) => new(bytes, null);

    public static FileReading Failed(FileProblemKind kind, string reason, long size = 0) => new(null, new FileProblem(kind, reason, size));
}

/// <summary>
/// Every file the tool reads or writes goes through this: regimen files, formularies, regimen.yaml,
/// patient files and outputs. Nothing below the workspace touches the disk. The physical file system
/// reads only regular files and never more than it is allowed; the git index one serves what is
/// staged; the language server puts its open documents in front.
/// </summary>
public interface IFileSystem
{
    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    FileReading Read(string path, long maxBytes);

    bool IsFile(string path);

    bool IsDirectory(string path);

    /// <summary>Regular files under <paramref name="folder"/> (recursively, without following links to folders) whose name ends with <paramref name="extension"/>.</summary>
    IEnumerable<string> FindFiles(string folder, string extension);

    /// <summary>Writes a whole file atomically (old or new content, never half), keeping its permissions; the error in words, or null.</summary>
    string? WriteAtomically(string path, string text);
}
