using BenchmarkDotNet.Attributes;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Benchmarks;

/// <summary>
/// In-process cost of each stage of `regimen check` and `regimen fmt` on one shipped regimen (the
/// largest), in steady state. Start-up, which dominates a single-file run, is measured by startup.sh.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private SourceText _source = null!;
    private string _formularyText = "";

    [GlobalSetup]
    public void Setup()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RegimenLang.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("RegimenLang.sln not found");
        }
        string path = Path.Combine(root, "regimens", "06-mini-hcvd-ino-blina-rr.regimen");
        _source = new SourceText(path, File.ReadAllText(path));
        _formularyText = FormularyLoader.ReadBuiltInText();
        _ = FormularyLoader.BuiltIn;
    }

    [Benchmark]
    public object Parse() => RegimenParser.Parse(_source);

    [Benchmark]
    public object Check() => new RegimenCompilation(_source, RegimenSetup.BuiltIn).Diagnostics;

    [Benchmark]
    public object Format() => RegimenFormatter.Format(_source);

    [Benchmark]
    public object LoadFormulary() => FormularyLoader.Load(FormularyLoader.EmbeddedPath, _formularyText, new RegimenLang.Diagnostics.DiagnosticBag(""));
}
