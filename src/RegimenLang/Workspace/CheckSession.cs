using System.Collections.Concurrent;
using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Workspace;

/// <summary>The result of checking a set of files: per-file results in path order, plus configuration and formulary problems.</summary>
public sealed record CheckReport(IReadOnlyList<FileResult> Files, IReadOnlyList<Diagnostic> SetupDiagnostics)
{
    public IEnumerable<Diagnostic> AllDiagnostics => SetupDiagnostics.Concat(Files.SelectMany(f => f.Diagnostics));
}

/// <summary>
/// Checks many files: each with the <c>regimen.yaml</c> nearest to it and the formulary that
/// configuration names (plus the command line's <c>--formulary</c> files, which come last and win).
/// Configurations and formularies are read once; files are checked in parallel and reported in order.
/// </summary>
public sealed class CheckSession(IReadOnlyList<(string Path, string Text)> extraFormularies, Func<BoundRegimen, List<Diagnostic>, Patient?>? patient = null)
{
    private readonly ConfigLoader _configs = new();
    private readonly ConcurrentDictionary<string, (DrugFormulary Formulary, IReadOnlyList<Diagnostic> Problems)> _formularies = new(StringComparer.Ordinal);

    public CheckReport Check(IReadOnlyList<string> files)
    {
        var setup = new ConcurrentDictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        var results = files
            .AsParallel().AsOrdered()
            .Select(file =>
            {
                var (options, problems, configPath) = OptionsFor(file);
                setup.TryAdd(configPath, problems);
                return options is null
                    ? new FileResult(file, null, null, [], Unreadable: false)
                    : Compilation.CheckFile(file, options);
            })
            .ToList();
        var all = setup.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value).DistinctBy(d => d.ToString()).ToList();
        return new CheckReport(results, all);
    }

    /// <summary>
    /// How to check <paramref name="file"/>: its configuration and formulary; null options (with the
    /// problems) when either has errors, because checking against a half-read one would be unsafe.
    /// </summary>
    public (CheckOptions? Options, IReadOnlyList<Diagnostic> Problems, string ConfigPath) OptionsFor(string file)
    {
        var (config, configProblems) = _configs.For(file);
        var (formulary, formularyProblems) = FormularyFor(config);
        IReadOnlyList<Diagnostic> problems = [.. configProblems, .. formularyProblems];
        bool unsafeToCheck = configProblems.Any(d => d.Severity == Severity.Error) || formularyProblems.Count > 0;
        return (unsafeToCheck ? null : new CheckOptions(formulary, config, patient), problems, config.Path ?? "");
    }

    private (DrugFormulary, IReadOnlyList<Diagnostic>) FormularyFor(RegimenConfig config) =>
        _formularies.GetOrAdd(string.Join("\n", config.FormularyFiles), _ =>
        {
            var texts = new List<(string, string)>();
            var bag = new DiagnosticBag(config.Path ?? "");
            foreach (var file in config.FormularyFiles)
            {
                try
                {
                    texts.Add((file, File.ReadAllText(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    bag.Add(DiagnosticCatalog.InvalidConfiguration, new Text.SourceSpan(0, 0, 1, 1), $"cannot read the formulary {file}: {e.Message}");
                }
            }
            texts.AddRange(extraFormularies);
            var formulary = FormularyLoader.LoadWithOverrides(texts, bag);
            return (formulary, [.. FormularyLoader.BuiltInDiagnostics, .. bag.Items]);
        });
}
