using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Configuration;

/// <summary>The settings of a <c>regimen.yaml</c>: per-code severities, default formulary files and the reference patient.</summary>
/// <param name="Path">The configuration file, or null for the defaults.</param>
/// <param name="Severities">Code to severity; null means the code is off.</param>
/// <param name="FormularyFiles">Formulary files to load after the built-in one (full paths).</param>
public sealed record RegimenConfig(string? Path, IReadOnlyDictionary<string, Severity?> Severities, IReadOnlyList<string> FormularyFiles)
{
    public const string FileName = "regimen.yaml";

    /// <summary>
    /// The reference patient file (full path) the editor computes doses for when a regimen has no sibling
    /// <c>X.patient.yaml</c>; null when the configuration names none.
    /// </summary>
    public string? PatientFile { get; init; }

    public static readonly RegimenConfig Default = new(null, new Dictionary<string, Severity?>(), []);

    /// <summary>Codes whose severity a configuration cannot lower: fatal-route errors and syntax errors.</summary>
    public static bool IsLocked(string code) => code == DiagnosticCatalog.ForbiddenRoute.Code || code.StartsWith("RL0", StringComparison.Ordinal);

    /// <summary>The diagnostic with the configured severity, or null when its code is off.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        if (IsLocked(diagnostic.Code) || !Severities.TryGetValue(diagnostic.Code, out var severity))
        {
            return diagnostic;
        }
        return severity is { } s ? diagnostic with { Severity = s } : null;
    }
}
