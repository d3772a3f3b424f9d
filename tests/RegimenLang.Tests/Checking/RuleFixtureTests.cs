using System.Text;
using RegimenLang.Checking;
using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
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

    private static RegimenCompilation Check(string name)
    {
        string path = Path.Combine(Folder, name);
        return new RegimenCompilation(new SourceText(RepoPaths.Relative(path), File.ReadAllText(path)), RegimenSetup.BuiltIn);
    }

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
            Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
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
