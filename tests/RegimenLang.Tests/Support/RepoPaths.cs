namespace RegimenLang.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder by walking up to RegimenLang.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("RegimenLang.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Regimens => Combine("regimens");

    public static IEnumerable<string> RegimenFiles =>
        Directory.EnumerateFiles(Regimens, "*.regimen").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>A repository-relative path with forward slashes, as diagnostics in golden files show it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
