using System.Diagnostics;
using System.Globalization;
using RegimenLang.Checking;
using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Benchmarks.Large;

/// <summary>
/// <c>dotnet run -c Release --project bench/RegimenLang.Benchmarks -- stages FILE...</c>: where the time of one
/// file goes, stage by stage (parse, bind, check rules, findings finished, format, syntax tree as JSON, SARIF),
/// each stage timed on its own after a warm-up, with the bytes it allocated. The tool to find which stage
/// misses a target in the <c>large</c> run.
/// </summary>
public static class StageRunner
{
    public static int Run(string[] args)
    {
        foreach (string path in args)
        {
            var source = new SourceText(path, File.ReadAllText(path));
            var setup = RegimenSetup.BuiltIn;
            Console.WriteLine($"// {path}: {source.Text.Length:N0} characters");
            Console.WriteLine("| stage | ms | CPU ms | allocated |");
            Console.WriteLine("|---|---:|---:|---:|");
            var parse = Stage("parse", () => RegimenParser.Parse(source));
            var model = Stage("bind", () => Binder.Bind(parse.Document, setup.Formulary, new DiagnosticBag(path)));
            var bag = Stage("check rules", () =>
            {
                var rules = new DiagnosticBag(path);
                Checker.Run(model, null, rules);
                return rules;
            });
            var diagnostics = Stage("compilation diagnostics (all of the above, configured, sorted, capped)", () => new RegimenCompilation(source, setup).Diagnostics);
            Console.WriteLine($"|   ({parse.Diagnostics.Count:N0} syntax findings, {bag.Items.Count:N0} rule findings, {diagnostics.Count:N0} reported) | | | |");
            Stage("format", () => RegimenFormatter.Format(source));
            var tree = Stage("ast tree", () => AstTreeBuilder.Build(parse.Document));
            Stage("ast json (writing the tree)", () => JsonTreeWriter.Write(tree));
            Stage("sarif", () => JsonTreeWriter.Write(SarifWriter.Build(diagnostics)));
            Stage("text findings", () => DiagnosticWriters.Text(diagnostics));
            Console.WriteLine();
        }
        return 0;
    }

    private static T Stage<T>(string name, Func<T> stage)
    {
        stage();
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = stage();
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine($"| {name} | {clock.Elapsed.TotalMilliseconds.ToString("#,0.0", CultureInfo.InvariantCulture)} | {cpu.TotalMilliseconds.ToString("#,0", CultureInfo.InvariantCulture)} | {allocated / 1e6:#,0.0} MB |");
        return result;
    }
}
