using System.Text;
using RegimenLang.Checking;
using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Patients;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Tests.Support;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Checking;

/// <summary>
/// Each checker code has a failing and a passing fixture in Fixtures/Rules
/// (<c>RLxxxx-name.fail.regimen</c>, <c>RLxxxx-name.pass.regimen</c>), each beside its golden
/// <c>.diagnostics.verified.txt</c>.
/// </summary>
public sealed class RuleFixtureTests
{
    private static string Folder => RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Rules");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.regimen").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    /// <summary>The file's findings; with a patient when <c>RLxxxx-name.patient.yaml</c> is beside it (as <c>check --patient</c> gives them).</summary>
    private static Findings Check(string name)
    {
        string path = Path.Combine(Folder, name);
        var compilation = new RegimenCompilation(new SourceText(RepoPaths.Relative(path), File.ReadAllText(path)), RegimenSetup.BuiltIn);
        string stem = name[..name.IndexOf('.', StringComparison.Ordinal)];
        string patientFile = Path.Combine(Folder, stem + ".patient.yaml");
        if (!File.Exists(patientFile))
        {
            return new Findings(compilation.Diagnostics);
        }
        var options = new PatientOptions(BsaFormula.Mosteller, null, SnapshotRun.DefaultStart);
        var load = new PatientSource(patientFile, PatientDraft.Empty, options).Load(PhysicalFileSystem.Instance);
        var problems = new List<Diagnostic>();
        var patient = load.For(compilation.Model, options, problems);
        Assert.True(patient is not null && problems.Count == 0, string.Join("\n", problems));
        return new Findings(compilation.Check(patient));
    }

    private sealed record Findings(IReadOnlyList<Diagnostic> Diagnostics);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Diagnostics_match_the_golden_file(string name)
    {
        string path = Path.Combine(Folder, name);
        Golden.Verify(Path.ChangeExtension(path, ".diagnostics.verified.txt"),
            DiagnosticBaseline.Render(File.ReadAllText(path, Encoding.UTF8), Check(name).Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Failing_fixtures_report_their_code_and_passing_fixtures_are_clean(string name)
    {
        string code = name[..6];
        var diagnostics = Check(name).Diagnostics;
        if (name.Contains(".fail.", StringComparison.Ordinal))
        {
            Assert.Contains(code, diagnostics.Select(d => d.Code));
        }
        else
        {
            // A passing fixture is a snippet for one rule: it must not report its code nor any error. Warnings of other rules
            // (a premedication the snippet leaves out: RL3011) may stand; its golden file shows them, so none goes unreviewed.
            Assert.DoesNotContain(diagnostics, d => d.Code == code || d.Severity == Severity.Error);
        }
    }

    [Fact]
    public void Every_checker_code_has_a_failing_and_a_passing_fixture()
    {
        var files = Directory.EnumerateFiles(Folder, "*.regimen").Select(Path.GetFileName).ToList();
        // RL5007 is about regimen.yaml, tested in ConfigurationTests.
        var codes = DiagnosticCatalog.All.Where(d => d.Code[2] is '2' or '3' or '4' or '5' && d.Code != "RL5007").Select(d => d.Code);
        Assert.All(codes, code =>
        {
            Assert.Contains(files, f => f!.StartsWith(code, StringComparison.Ordinal) && f.Contains(".fail.", StringComparison.Ordinal));
            Assert.Contains(files, f => f!.StartsWith(code, StringComparison.Ordinal) && f.Contains(".pass.", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Every_checker_code_is_reported_by_exactly_one_rule()
    {
        var owners = Checker.Rules.SelectMany(r => r.Descriptors.Select(d => (d.Code, Rule: r.GetType().Name))).ToList();
        Assert.Equal(owners.Count, owners.Select(o => o.Code).Distinct().Count());
        // RL5006 (suppressions) and RL5007 (configuration) are reported by the pipeline, not by a rule.
        var expected = DiagnosticCatalog.All.Where(d => d.Code[2] is '2' or '3' or '4' or '5' && d.Code is not ("RL5006" or "RL5007")).Select(d => d.Code);
        Assert.Equal(expected.Order(), owners.Select(o => o.Code).Order());
    }
}
