using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Workspace;

namespace RegimenLang.Benchmarks;

/// <summary>
/// Expansion of the longest shipped regimen (by days of plan; bound once in GlobalSetup), measuring
/// only the evaluator. Administrations per second = Administrations / mean time; allocated bytes
/// per administration = Allocated / Administrations (both printed once in GlobalSetup and derived
/// from the summary table).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExpandBenchmark
{
    private SemanticModel _regimen = null!;
    private Patient _patient = null!;

    /// <summary>The administrations one expansion produces, to turn time and allocation into per-administration figures.</summary>
    public int Administrations { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string folder = FindRegimens();
        string longestPath = "";
        SemanticModel? longestBound = null;
        int longestDays = 0;
        var workspace = new RegimenWorkspace(PhysicalFileSystem.Instance);
        foreach (var file in Directory.GetFiles(folder, "*.regimen").Order(StringComparer.Ordinal))
        {
            var result = workspace.Load(file).Compilation;
            if (result is null || result.HasErrors)
            {
                continue;
            }
            var cycles = PlanLayout.Of(result.Model, _ => true, longest: false).Instances;
            int days = cycles.IsEmpty ? 0 : cycles[^1].StartDay + cycles[^1].LengthDays;
            if (days > longestDays)
            {
                (longestPath, longestBound, longestDays) = (file, result.Model, days);
            }
        }
        _regimen = longestBound ?? throw new InvalidOperationException("no regimen in " + folder);
        _patient = new Patient(170, 72, 54, "female", null, new BodySurface(1.84m, BsaSource.Mosteller, null),
            _regimen.Facts.Values.Where(f => f.Fact.Kind == FactKind.Percent).ToDictionary(f => f.Name, f => new PatientInput(f.Name, FactValue.Of(35m), "35%"), StringComparer.OrdinalIgnoreCase)
                .ToImmutableDictionary(StringComparer.OrdinalIgnoreCase)
                .AddRange(_regimen.Facts.Values.Where(f => f.Fact.Kind == FactKind.Flag && !f.Fact.IsBuiltIn).Select(f => new KeyValuePair<string, PatientInput>(f.Name, new PatientInput(f.Name, FactValue.Of(true), "true")))),
            [], new DateOnly(2026, 1, 5), new TimeOnly(8, 0));
        Administrations = Evaluator.Evaluate(_regimen, _patient).Timeline!.Entries.Length;
        Console.WriteLine($"// longest regimen: {Path.GetFileName(longestPath)}, {longestDays} days, {Administrations} administrations per expansion");
    }

    [Benchmark]
    public Timeline? Expand() => Evaluator.Evaluate(_regimen, _patient).Timeline;

    private static string FindRegimens()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("RegimenLang.sln not found"), "regimens");
    }
}
