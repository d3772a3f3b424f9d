using System.Collections.Concurrent;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Text;
using RegimenLang.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RegimenLang.Checking.Configuration;

/// <summary>Finds and reads <c>regimen.yaml</c>: the nearest one walking up from a checked file's folder.</summary>
public sealed class ConfigLoader
{
    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new FormularyYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly ConcurrentDictionary<string, string?> _configByFolder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (RegimenConfig Config, IReadOnlyList<Diagnostic> Diagnostics)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The configuration that applies to <paramref name="file"/>, with any problems in it.</summary>
    public (RegimenConfig Config, IReadOnlyList<Diagnostic> Diagnostics) For(string file)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        string? path = Find(folder);
        return path is null ? (RegimenConfig.Default, []) : _loaded.GetOrAdd(path, p => Load(p, SafeRead(p)));
    }

    private string? Find(string folder) => _configByFolder.GetOrAdd(folder, f =>
    {
        string candidate = Path.Combine(f, RegimenConfig.FileName);
        if (File.Exists(candidate))
        {
            return candidate;
        }
        string? parent = Path.GetDirectoryName(f);
        return parent is null || parent == f ? null : Find(parent);
    });

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"# unreadable: {e.Message}\n!unreadable";
        }
    }

    public static (RegimenConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var read = YamlInput.Read<RegimenConfigDto>(Deserializer, text);
        if (read.Error is { } e)
        {
            var (line, column, message) = YamlErrors.Describe(e, "a regimen.yaml", ["rules", "formulary"]);
            bag.Add(DiagnosticCatalog.InvalidConfiguration, new SourceSpan(0, 0, line, column), message);
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
                bag.Add(DiagnosticCatalog.InvalidConfiguration, at, $"'{code}' is not a diagnostic code ('regimen explain' lists them)");
                continue;
            }
            Severity? severity = value?.Trim().ToLowerInvariant() switch
            {
                "off" => null,
                "info" => Severity.Info,
                "warning" => Severity.Warning,
                "error" => Severity.Error,
                _ => (Severity)(-1),
            };
            if (severity == (Severity)(-1))
            {
                bag.Add(DiagnosticCatalog.InvalidConfiguration, at, $"the severity of {descriptor.Code} is off, info, warning or error, not '{value}'");
                continue;
            }
            if (RegimenConfig.IsLocked(descriptor.Code) && severity != Severity.Error)
            {
                bag.Add(DiagnosticCatalog.InvalidConfiguration, at, $"{descriptor.Code} cannot be lowered: it is always an error");
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
            string? file = null;
            if (!string.IsNullOrWhiteSpace(written))
            {
                try
                {
                    file = Path.GetFullPath(Path.Combine(folder, written));
                }
                catch (Exception bad) when (bad is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    file = null;
                }
            }
            if (file is null)
            {
                bag.Add(DiagnosticCatalog.InvalidConfiguration, at, $"'{written}' is not a file path (formulary files are paths relative to {RegimenConfig.FileName})");
                continue;
            }
            if (!File.Exists(file))
            {
                bag.Add(DiagnosticCatalog.InvalidConfiguration, at, $"the formulary file '{written}' does not exist (paths are relative to {RegimenConfig.FileName})");
                continue;
            }
            formularies.Add(file);
        }
        return (new RegimenConfig(path, severities, formularies), bag.Items);
    }
}
