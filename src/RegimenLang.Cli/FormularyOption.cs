namespace RegimenLang.Cli;

/// <summary>Reads the files given with --formulary (they extend the built-in formulary and any regimen.yaml ones).</summary>
public static class FormularyOption
{
    /// <summary>The files' texts, or null when one cannot be read (a usage error, exit 2, already printed).</summary>
    public static IReadOnlyList<(string Path, string Text)>? Read(IReadOnlyList<string>? files, CommandContext context)
    {
        var texts = new List<(string, string)>();
        foreach (var file in files ?? [])
        {
            try
            {
                texts.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"regimen: cannot read formulary {file}: {e.Message}");
                return null;
            }
        }
        return texts;
    }
}
