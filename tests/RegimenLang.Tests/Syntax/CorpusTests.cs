using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Output;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Tests.Support;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Syntax;

/// <summary>The shipped regimens: clean, with a golden syntax tree each, and robust to damage.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Regimens()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.RegimenFiles)
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(RepoPaths.Regimens, name));

    [Fact]
    public void The_corpus_has_the_nineteen_shipped_regimens() =>
        Assert.Equal(19, RepoPaths.RegimenFiles.Count());

    [Theory]
    [MemberData(nameof(Regimens))]
    public void Shipped_regimen_checks_without_errors(string name)
    {
        var result = new RegimenCompilation(new SourceText("regimens/" + name, Read(name)), RegimenSetup.BuiltIn);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Regimens))]
    public void Shipped_regimen_has_a_source_and_an_id_matching_its_file_name(string name)
    {
        var document = RegimenParser.Parse(name, Read(name)).Document;
        Assert.NotNull(document.MetadataValue("source"));
        // Files are numbered (01-...); the id is the name after the number.
        Assert.Equal(Path.GetFileNameWithoutExtension(name)[3..], document.MetadataValue("id"));
    }

    [Theory]
    [MemberData(nameof(Regimens))]
    public void Syntax_tree_matches_the_golden_file(string name)
    {
        var document = RegimenParser.Parse("regimens/" + name, Read(name)).Document;
        string verified = RepoPaths.Combine("tests", "RegimenLang.Tests", "Golden", "Ast", Path.GetFileNameWithoutExtension(name) + ".ast.verified.txt");
        Golden.Verify(verified, YamlTreeWriter.Write(AstTreeBuilder.Build(document)));
    }

    /// <summary>
    /// Damages every shipped regimen many times (deleting spans, inserting punctuation, duplicating
    /// and swapping lines) with fixed seeds: parsing and binding must never throw, and most damage
    /// must be reported.
    /// </summary>
    [Theory]
    [MemberData(nameof(Regimens))]
    public void Random_damage_never_makes_the_parser_checker_or_evaluator_throw(string name)
    {
        // Mutate the code, not the comments (damage to a comment changes nothing to report).
        string original = string.Join("\n", Read(name).Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        // A seed that is the same in every process (string.GetHashCode is randomised per process), so a failure can be replayed.
        // CORPUS_SEED=n explores other damage.
        int baseSeed = int.TryParse(Environment.GetEnvironmentVariable("CORPUS_SEED"), out int seed) ? seed : 20261125;
        var random = new Random(name.Aggregate(baseSeed, (hash, c) => unchecked(hash * 31 + c)) & 0x7FFFFFFF);
        const int Mutations = 300;
        int reported = 0;
        char[] punctuation = ['"', '{', '}', '(', ')', ',', ':', '/', '-', '.', '%', '#', '<', '=', '\\', '\n', 'x', '9', '\u2013', '\0'];
        for (int i = 0; i < Mutations; i++)
        {
            string mutated = Mutate(original, random, punctuation);
            var result = new RegimenCompilation(new SourceText(name, mutated), RegimenSetup.BuiltIn);
            if (result.Diagnostics.Count > 0)
            {
                reported++;
            }
            // Every diagnostic points at a real position.
            Assert.All(result.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString()));
            // Whatever parsed is also laid out for a patient: the evaluator reports, never throws.
            var evaluation = Evaluator.Evaluate(result.Model, PatientFor(result.Model));
            Assert.All(evaluation.Diagnostics, d => Assert.True(d.Span.Line >= 0, d.ToString()));
        }
        Assert.True(reported > Mutations / 2, $"only {reported} of {Mutations} mutations were reported");
    }

    /// <summary>An adult patient who gives every fact the regimen declares.</summary>
    private static Patient PatientFor(SemanticModel bound) => new(
        170, 72, 54, "female", 90, new BodySurface(1.84m, BsaSource.Given, null),
        bound.Facts.Values.Where(f => !f.Fact.IsBuiltIn).ToImmutableDictionary(
            f => f.Name,
            f => new PatientInput(f.Name, f.Fact.Kind == FactKind.Flag ? FactValue.Of(true) : FactValue.Of(35m), "test"),
            StringComparer.OrdinalIgnoreCase),
        [], new DateOnly(2026, 1, 5), new TimeOnly(8, 0));

    private static string Mutate(string text, Random random, char[] punctuation)
    {
        int at = random.Next(text.Length);
        switch (random.Next(4))
        {
            case 0:
                return text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(12)));
            case 1:
                return text.Insert(at, punctuation[random.Next(punctuation.Length)].ToString());
            case 2:
                var lines = text.Split('\n').ToList();
                int l = random.Next(lines.Count);
                lines.Insert(l, lines[random.Next(lines.Count)]);
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join("\n", lines);
            default:
                var swapped = text.ToCharArray();
                int j = random.Next(text.Length);
                (swapped[at], swapped[j]) = (swapped[j], swapped[at]);
                return new string(swapped);
        }
    }
}
