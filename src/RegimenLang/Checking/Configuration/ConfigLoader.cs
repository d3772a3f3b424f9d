using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Text;
using RegimenLang.Yaml;
using RegimenLang.Yaml.Dto;

namespace RegimenLang.Checking.Configuration;

/// <summary>
/// Reads the text of a <c>regimen.yaml</c> into a <see cref="RegimenConfig"/>. Finding the file and reading
/// it, and checking that the formulary files it names exist, is the workspace's (it owns the file system).
/// </summary>
public static class ConfigLoader
{
    private static readonly string[] Keys = ["rules", "formulary", "patient"];

    /// <param name="path">The full path of the configuration file (its folder anchors the formulary paths).</param>
    /// <param name="fileExists">Whether a file exists, asked of the workspace's file system.</param>
    public static (RegimenConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string path, string text, Func<string, bool> fileExists)
    {
        var bag = new DiagnosticBag(path);
        var read = YamlInput.Read<RegimenConfigDto>(text);
        if (read.TooLarge)
        {
            bag.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidConfiguration, new SourceSpan(0, 0, 1, 1),
                new YamlProblem(YamlProblemKind.TooLarge, "a regimen.yaml", Detail: YamlInput.MaxExpandedNodes.ToString("#,0", CultureInfo.InvariantCulture))));
            return (RegimenConfig.Default with { Path = path }, bag.Items);
        }
        if (read.Error is { } e)
        {
            var (line, column, problem) = YamlErrors.Describe(e, "a regimen.yaml", Keys, "off or local-drugs.yaml");
            bag.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidConfiguration, new SourceSpan(0, 0, line, column), problem));
            return (RegimenConfig.Default with { Path = path }, bag.Items);
        }
        var dto = read.Value ?? new RegimenConfigDto();
        var positions = read.Positions;
        var severities = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in dto.Rules ?? [])
        {
            var (line, column) = positions.FindKey(["rules"], code);
            var at = new SourceSpan(0, 0, line, column);
            if (DiagnosticCatalog.Find(code) is not { } descriptor)
            {
                bag.Add(Diagnose.UnknownCode(at, code));
                continue;
            }
            Severity? severity;
            switch (value?.Trim().ToLowerInvariant())
            {
                case "off":
                    severity = null;
                    break;
                case "info":
                    severity = Severity.Info;
                    break;
                case "warning":
                    severity = Severity.Warning;
                    break;
                case "error":
                    severity = Severity.Error;
                    break;
                default:
                    bag.Add(Diagnose.UnknownSeverity(at, descriptor.Code, value));
                    continue;
            }
            if (RegimenConfig.IsLocked(descriptor.Code) && severity != Severity.Error)
            {
                bag.Add(Diagnose.LockedCode(at, descriptor.Code));
                continue;
            }
            severities[descriptor.Code] = severity;
        }
        string folder = Path.GetDirectoryName(path) ?? ".";
        var formularies = new List<string>();
        for (int i = 0; i < (dto.Formulary?.Count ?? 0); i++)
        {
            string? written = dto.Formulary![i];
            var (line, column) = positions.Find("formulary", i);
            var at = new SourceSpan(0, 0, line, column);
            string? file = FullPath(folder, written);
            if (file is null)
            {
                bag.Add(Diagnose.NotAPath(at, written));
                continue;
            }
            if (!fileExists(file))
            {
                bag.Add(Diagnose.MissingFormularyFile(at, written!));
                continue;
            }
            formularies.Add(file);
        }
        string? patient = dto.Patient is { } writtenPatient ? PatientFile(folder, writtenPatient, positions.Find("patient"), fileExists, bag) : null;
        return (new RegimenConfig(path, severities, formularies) { PatientFile = patient }, bag.Items);
    }

    /// <summary>The full path of the reference patient file, or null (with a diagnostic) when it is not a path or does not exist.</summary>
    private static string? PatientFile(string folder, string written, (int Line, int Column) position, Func<string, bool> fileExists, DiagnosticBag bag)
    {
        var at = new SourceSpan(0, 0, position.Line, position.Column);
        string? file = FullPath(folder, written);
        if (file is null)
        {
            bag.Add(Diagnose.NotAPath(at, written));
            return null;
        }
        if (!fileExists(file))
        {
            bag.Add(Diagnose.MissingPatientFile(at, written));
            return null;
        }
        return file;
    }

    private static string? FullPath(string folder, string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }
        try
        {
            return Path.GetFullPath(Path.Combine(folder, written));
        }
        catch (Exception bad) when (bad is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
