using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Patients;
using RegimenLang.Tests.Support;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Evaluation;

/// <summary>
/// The findings only expansion makes (RL6xxx), one failing and one passing regimen each (Fixtures/Evaluation):
/// each is bound (the checker's findings are left out, so that a case the checker reports first still reaches the
/// evaluator) and expanded for the patient file of its stem, and the evaluator's findings are compared with a golden file.
/// </summary>
public sealed class EvaluationFixtureTests
{
    private static readonly string Folder = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Evaluation");

    private static IEnumerable<string> Names() => Directory.EnumerateFiles(Folder, "*.regimen").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Fixtures() => [.. Names()];

    private static IReadOnlyList<Diagnostic> Evaluate(string name)
    {
        string path = Path.Combine(Folder, name);
        var compilation = new RegimenCompilation(new SourceText(RepoPaths.Relative(path), File.ReadAllText(path)), RegimenSetup.BuiltIn);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Severity.Error && d.Code.StartsWith("RL0", StringComparison.Ordinal));
        string stem = name[..name.IndexOf('.', StringComparison.Ordinal)];
        var options = new PatientOptions(BsaFormula.Mosteller, null, SnapshotRun.DefaultStart);
        var load = new PatientSource(Path.Combine(Folder, stem + ".patient.yaml"), PatientDraft.Empty, options).Load(PhysicalFileSystem.Instance);
        var problems = new List<Diagnostic>();
        var patient = load.For(compilation.Model, options, problems);
        Assert.True(patient is not null && problems.Count == 0, string.Join("\n", problems));
        return Evaluator.Evaluate(compilation.Model, patient!).Diagnostics;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_findings_match_the_golden_file(string name)
    {
        string path = Path.Combine(Folder, name);
        var diagnostics = Evaluate(name);
        Golden.Verify(Path.ChangeExtension(path, ".diagnostics.verified.txt"), DiagnosticBaseline.Render(File.ReadAllText(path, Encoding.UTF8), diagnostics));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_failing_fixture_reports_its_code_and_a_passing_one_does_not(string name)
    {
        string code = name[..6];
        var codes = Evaluate(name).Select(d => d.Code).ToList();
        if (name.Contains(".fail.", StringComparison.Ordinal))
        {
            Assert.Contains(code, codes);
        }
        else
        {
            Assert.DoesNotContain(code, codes);
        }
    }

    [Fact]
    public void Every_evaluation_code_that_a_regimen_can_cause_has_a_failing_and_a_passing_fixture()
    {
        // RL6001-RL6008 are about the patient file, its flags and the frequency forms, covered by their own tests.
        foreach (string code in new[] { "RL6009", "RL6010" })
        {
            var names = Names().Where(n => n.StartsWith(code, StringComparison.Ordinal)).ToList();
            Assert.Contains(names, n => n.Contains(".fail.", StringComparison.Ordinal));
            Assert.Contains(names, n => n.Contains(".pass.", StringComparison.Ordinal));
        }
    }
}
