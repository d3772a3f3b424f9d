using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Builds regimens and patients for the evaluator tests.</summary>
internal static class EvaluationTestSupport
{
    public static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>A regimen with one cycle holding <paramref name="lines"/> and the given plan.</summary>
    public static string Regimen(string lines, string plan = "main: A", int length = 21, string extra = "") => $$"""
        regimen "Test regimen"
        id: test
        {{extra}}
        cycle A "Cycle A" length {{length}} days {
        {{lines}}
        }
        plan {
          {{plan}}
        }
        """;

    public static SemanticModel Bind(string source)
    {
        // Parse and bind only: these tests are about the evaluator, not the checker's dose rules.
        var parse = RegimenParser.Parse("test.regimen", source);
        var bag = new DiagnosticBag("test.regimen");
        bag.AddRange(parse.Diagnostics);
        var bound = Binder.Bind(parse.Document, FormularyLoader.BuiltIn, bag);
        var errors = bag.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return bound;
    }

    public static Patient Patient(
        decimal? height = 170, decimal? weight = 72, decimal? age = 54, string? sex = "female", decimal? crcl = null,
        decimal? bsa = null, TimeOnly? time = null, params (string Name, bool? Flag, decimal? Number)[] inputs)
    {
        BodySurface? surface = bsa is { } b ? new BodySurface(b, BsaSource.Given, null)
            : height is { } h && weight is { } w ? new BodySurface(BodySurfaceArea.Mosteller(h, w), BsaSource.Mosteller, null) : null;
        return new Patient(height, weight, age, sex, crcl, surface,
            inputs.ToImmutableDictionary(i => i.Name, i => new PatientInput(i.Name, new FactValue(i.Number, i.Flag, null), ""), StringComparer.OrdinalIgnoreCase),
            [], Start, time ?? new TimeOnly(8, 0));
    }

    public static (Timeline? Timeline, IReadOnlyList<Diagnostic> Diagnostics) Expand(string source, Patient? patient = null)
    {
        var result = Evaluator.Evaluate(Bind(source), patient ?? Patient());
        return (result.Timeline, result.Diagnostics);
    }

    public static Timeline ExpandOk(string source, Patient? patient = null)
    {
        var (timeline, diagnostics) = Expand(source, patient);
        Assert.True(timeline is not null, string.Join("\n", diagnostics));
        return timeline!;
    }

    /// <summary>The errors the checker finds in <paramref name="source"/> (these regimens name no source, so warnings are left out).</summary>
    public static IReadOnlyList<Diagnostic> CheckErrors(string source) =>
        [.. RegimenLang.Tests.Support.Parsing.Check(source).Diagnostics.Where(d => d.Severity == Severity.Error)];

    public static string Clock(TimelineEntry e) => e.When.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The repository root, found by walking up to RegimenLang.sln (not through [CallerFilePath]).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("RegimenLang.sln not found above " + AppContext.BaseDirectory);
    }
}
