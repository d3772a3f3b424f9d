using System.Collections.Concurrent;
using System.Text;
using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax;
using RegimenLang.Text;

namespace RegimenLang.Workspace;

/// <summary>A regimen file as the workspace found it: its compilation, or the finding (too large, not UTF-8) or the reason it could not be read.</summary>
public sealed record DocumentLoad(RegimenCompilation? Compilation, Diagnostic? Problem, FileProblem? Unreadable);

/// <summary>
/// The files the tool works on: regimen files (read from the file system, or held open by an editor with a
/// version), the configuration and formulary each one is checked against, and their compilations. Every
/// read goes through one <see cref="IFileSystem"/>; what was read is cached until the file is said to have
/// changed (<see cref="FileChanged"/>), never for ever. Safe to use from several threads.
/// </summary>
public sealed class RegimenWorkspace(IFileSystem fileSystem, IReadOnlyList<string>? extraFormularies = null)
{
    /// <summary>The most a formulary or configuration file may hold; a real one is a few hundred kilobytes.</summary>
    public const long MaxSetupFileBytes = 4L * 1024 * 1024;

    private readonly IReadOnlyList<string> _extraFormularies = extraFormularies ?? [];
    private readonly ConcurrentDictionary<string, string?> _configByFolder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (RegimenConfig Config, IReadOnlyList<Diagnostic> Problems)> _configs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegimenSetup> _setups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegimenCompilation> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Text, int Version)> _openTexts = new(StringComparer.Ordinal);

    public IFileSystem FileSystem { get; } = fileSystem;

    /// <summary>Opens or updates a document held by an editor: its text wins over the file system's until it is closed.</summary>
    public RegimenCompilation Update(string path, string text, int version)
    {
        string key = Key(path);
        _openTexts[key] = (text, version);
        var compilation = new RegimenCompilation(new SourceText(path, text), SetupFor(path), version);
        _open[key] = compilation;
        return compilation;
    }

    public void Close(string path)
    {
        string key = Key(path);
        _open.TryRemove(key, out _);
        _openTexts.TryRemove(key, out _);
    }

    /// <summary>The compilation of an open document (rebuilt when its configuration or formulary changed), or null.</summary>
    public RegimenCompilation? Open(string path)
    {
        string key = Key(path);
        if (_open.TryGetValue(key, out var compilation))
        {
            return compilation;
        }
        return _openTexts.TryGetValue(key, out var text) ? Update(path, text.Text, text.Version) : null;
    }

    /// <summary>The document at <paramref name="path"/>: the open one, else read from the file system.</summary>
    public DocumentLoad Load(string path)
    {
        if (Open(path) is { } open)
        {
            return new DocumentLoad(open, null, null);
        }
        var reading = FileSystem.Read(path, SourceDecoder.MaxFileBytes);
        if (reading.Problem is { } problem)
        {
            if (problem.Kind != FileProblemKind.TooLarge)
            {
                return new DocumentLoad(null, null, problem);
            }
            // A size the file system knew is said; a file that only turned out larger while read (still growing) is "larger than".
            var tooLarge = problem.Size > SourceDecoder.MaxFileBytes + 1 ? SourceDecoder.TooLarge(path, problem.Size) : SourceDecoder.OverLimit(path);
            return new DocumentLoad(null, tooLarge.Problem, null);
        }
        var decoded = SourceDecoder.Decode(path, reading.Bytes);
        return decoded.Source is { } source
            ? new DocumentLoad(new RegimenCompilation(source, SetupFor(path)), null, null)
            : new DocumentLoad(null, decoded.Problem, null);
    }

    /// <summary>Forgets what was read of <paramref name="path"/> (a configuration or a formulary): later compilations read it again.</summary>
    public void FileChanged(string path)
    {
        _configByFolder.Clear();
        _configs.Clear();
        _setups.Clear();
        _open.Clear(); // rebuilt from the open texts, against the new setup, on next use
    }

    /// <summary>The configuration that applies to <paramref name="path"/> and the formulary it names.</summary>
    public RegimenSetup SetupFor(string path)
    {
        var (config, configProblems) = ConfigFor(path);
        string key = string.Join("\n", config.FormularyFiles.Concat(_extraFormularies)) + "\n" + (config.Path ?? "");
        return _setups.GetOrAdd(key, _ =>
        {
            var problems = new List<Diagnostic>(configProblems);
            var texts = new List<(string, string)>();
            foreach (var file in config.FormularyFiles.Concat(_extraFormularies))
            {
                var reading = FileSystem.Read(file, MaxSetupFileBytes);
                if (reading.Problem is { } problem)
                {
                    problems.Add(Diagnose.UnreadableFormulary(new SourceSpan(0, 0, 1, 1), file, problem.Reason) with { File = config.Path ?? file });
                    continue;
                }
                texts.Add((file, Utf8(reading.Bytes!)));
            }
            var bag = new DiagnosticBag(config.Path ?? "");
            var formulary = FormularyLoader.LoadWithOverrides(texts, bag);
            problems.AddRange(FormularyLoader.BuiltInDiagnostics);
            problems.AddRange(bag.Items);
            return new RegimenSetup(config, formulary, problems);
        });
    }

    private (RegimenConfig Config, IReadOnlyList<Diagnostic> Problems) ConfigFor(string file)
    {
        string folder = System.IO.Path.GetDirectoryName(FullPath(file)) ?? ".";
        string? path = FindConfig(folder);
        return path is null ? (RegimenConfig.Default, []) : _configs.GetOrAdd(path, LoadConfig);
    }

    private (RegimenConfig Config, IReadOnlyList<Diagnostic> Problems) LoadConfig(string path)
    {
        var reading = FileSystem.Read(path, MaxSetupFileBytes);
        if (reading.Problem is { } problem)
        {
            return (RegimenConfig.Default with { Path = path }, [Diagnose.UnreadableSetupFile(new SourceSpan(0, 0, 1, 1), path, problem.Reason) with { File = path }]);
        }
        return ConfigLoader.Load(path, Utf8(reading.Bytes!), FileSystem.IsFile);
    }

    /// <summary>
    /// The nearest <c>regimen.yaml</c> walking up from <paramref name="folder"/>, stopping at the root of the
    /// repository the folder is in (a folder holding <c>.git</c>): a configuration outside the project never applies.
    /// </summary>
    private string? FindConfig(string folder) => _configByFolder.GetOrAdd(folder, f =>
    {
        string? current = f;
        while (current is not null)
        {
            string candidate = System.IO.Path.Combine(current, RegimenConfig.FileName);
            if (FileSystem.IsFile(candidate))
            {
                return candidate;
            }
            if (FileSystem.IsDirectory(System.IO.Path.Combine(current, ".git")) || FileSystem.IsFile(System.IO.Path.Combine(current, ".git")))
            {
                return null;
            }
            string? parent = System.IO.Path.GetDirectoryName(current);
            current = parent is null || parent == current ? null : parent;
        }
        return null;
    });

    private static string Utf8(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes.AsSpan(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0));

    private static string FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Key(string path) => FullPath(path).Replace('\\', '/');
}
