using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Cli;

/// <summary>Loads the built-in formulary plus the files given with --formulary.</summary>
public static class FormularyOption
{
    /// <summary>
    /// The formulary, or null with an exit code when a file is missing (exit 2) or has errors
    /// (reported as diagnostics, exit 1): checking against a half-read formulary would be unsafe.
    /// </summary>
    public static (DrugFormulary? Formulary, int ExitCode) Load(IReadOnlyList<string>? files, CommandContext context)
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
                return (null, ExitCodes.Usage);
            }
        }
        var bag = new DiagnosticBag("");
        var formulary = FormularyLoader.LoadWithOverrides(texts, bag);
        var problems = FormularyLoader.BuiltInDiagnostics.Concat(bag.Items).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Out.WriteLine(problem);
            }
            return (null, ExitCodes.Findings);
        }
        return (formulary, ExitCodes.Ok);
    }
}
