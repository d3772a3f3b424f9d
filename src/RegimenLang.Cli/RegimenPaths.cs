using RegimenLang.Workspace;

namespace RegimenLang.Cli;

/// <summary>The regimen files named on a command line, with the usage errors every command reports the same way.</summary>
public static class RegimenPaths
{
    /// <summary>
    /// The collected files; paths that do not exist are reported on standard error (the caller exits 2
    /// after doing what it can). Null, already reported, when the paths name no regimen file at all.
    /// </summary>
    public static CollectedFiles? Collect(IReadOnlyList<string> paths, CommandContext context)
    {
        var collected = SourceFiles.Collect(paths);
        foreach (var missing in collected.Missing)
        {
            context.Error.WriteLine($"regimen: cannot read {missing}: no such file or folder");
        }
        if (collected.Files.Count == 0 && collected.Missing.Count == 0)
        {
            context.Error.WriteLine($"regimen: no *.regimen files under {string.Join(", ", paths)}");
            return null;
        }
        return collected;
    }
}
