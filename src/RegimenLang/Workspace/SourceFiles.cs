namespace RegimenLang.Workspace;

/// <summary>The regimen files named on a command line, in a stable order.</summary>
public sealed record CollectedFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

public static class SourceFiles
{
    public const string Extension = ".regimen";

    /// <summary>
    /// Files are taken as given (whatever their extension); folders are searched recursively for
    /// <c>*.regimen</c>. Paths are kept as the user wrote them (relative stays relative) so that
    /// diagnostics read like the command line. Order is ordinal, so output is the same on every machine.
    /// </summary>
    public static CollectedFiles Collect(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Normalize(path));
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories)
                        .Select(Normalize)
                        .OrderBy(f => f, StringComparer.Ordinal));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    missing.Add(path);
                }
            }
            else
            {
                missing.Add(path);
            }
        }
        return new CollectedFiles([.. files.Distinct(StringComparer.Ordinal)], missing);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
