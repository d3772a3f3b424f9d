namespace RegimenLang.Workspace;

/// <summary>The regimen files named on a command line, in a stable order, and the paths that named nothing readable.</summary>
public sealed record CollectedFiles(IReadOnlyList<string> Files, IReadOnlyList<(string Path, string Reason)> Unreadable);

public static class SourceFiles
{
    public const string Extension = ".regimen";

    /// <summary>
    /// Files are taken as given (whatever their extension); folders are searched recursively for
    /// <c>*.regimen</c> (regular files only, without following links to folders). Paths are kept as the
    /// user wrote them (relative stays relative) so that diagnostics read like the command line. Order is
    /// ordinal, so output is the same on every machine.
    /// </summary>
    public static CollectedFiles Collect(IFileSystem fileSystem, IEnumerable<string> paths)
    {
        var files = new List<string>();
        var unreadable = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (fileSystem.IsDirectory(path))
            {
                files.AddRange(fileSystem.FindFiles(path, Extension).Select(Normalize).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (fileSystem.IsFile(path))
            {
                files.Add(Normalize(path));
            }
            else
            {
                var reading = fileSystem.Read(path, 0);
                unreadable.Add((path, reading.Problem?.Reason ?? "no such file or folder"));
            }
        }
        return new CollectedFiles([.. files.Distinct(StringComparer.Ordinal)], unreadable);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
