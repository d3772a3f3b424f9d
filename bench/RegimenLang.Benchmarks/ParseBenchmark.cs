using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RegimenLang.Output;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Benchmarks;

/// <summary>
/// Parse throughput: the whole shipped corpus concatenated <see cref="Copies"/> times, parsed by
/// RegimenParser, side by side with System.Text.Json's JsonDocument.Parse of the same syntax tree
/// serialized as JSON (the same information in the fastest general-purpose parser at hand).
/// MB/s = input bytes (printed in GlobalSetup) / mean time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParseBenchmark
{
    private const int Copies = 40;

    private string _source = "";
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(RepoRoot(), "regimens");
        var corpus = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "*.regimen").Order(StringComparer.Ordinal))
        {
            corpus.Append(File.ReadAllText(file)).Append('\n');
        }
        var all = new StringBuilder();
        for (int i = 0; i < Copies; i++)
        {
            all.Append(corpus);
        }
        _source = all.ToString();
        var parsed = RegimenParser.Parse("corpus.regimen", _source);
        _json = Encoding.UTF8.GetBytes(JsonTreeWriter.Write(AstTreeBuilder.Build(parsed.Document)));
        Console.WriteLine($"// regimen source: {Encoding.UTF8.GetByteCount(_source):N0} bytes; the same tree as JSON: {_json.Length:N0} bytes; {parsed.Document.Statements.Length:N0} statements, {parsed.Diagnostics.Count} syntax diagnostics");
    }

    [Benchmark(Baseline = true)]
    public int RegimenParse() => RegimenParser.Parse("corpus.regimen", _source).Document.Statements.Length;

    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("statements").GetArrayLength();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("RegimenLang.sln not found");
    }
}
