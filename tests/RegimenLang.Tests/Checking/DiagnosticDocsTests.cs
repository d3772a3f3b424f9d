using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Checking;

/// <summary>
/// docs/diagnostics holds a page per code, generated from the catalogue and from the code's test
/// fixtures (so every example on a page is one the test suite checks). Regenerate with ACCEPT_GOLDEN=1.
/// </summary>
public sealed class DiagnosticDocsTests
{
    private static string Docs => RepoPaths.Combine("docs", "diagnostics");

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticCatalog.All)
        {
            data.Add(d.Code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_has_a_page_generated_from_the_catalogue(string code)
    {
        var d = DiagnosticCatalog.Find(code)!;
        Golden.Verify(Path.Combine(Docs, code + ".md"), Page(d));
    }

    [Fact]
    public void The_index_lists_every_code()
    {
        var text = new StringBuilder();
        text.Append("# Diagnostics\n\n");
        text.Append("Every finding of `regimen check` has a stable code. `regimen explain CODE` prints the same documentation.\n");
        text.Append("These pages are generated from the diagnostic catalogue (src/RegimenLang/Diagnostics) and the test fixtures; a test keeps them current.\n\n");
        foreach (var family in DiagnosticCatalog.All.GroupBy(d => d.Family))
        {
            string name = family.Key.ToName();
            text.Append("## ").Append(char.ToUpperInvariant(name[0])).Append(name[1..]).Append("\n\n");
            text.Append("| code | severity | title |\n|---|---|---|\n");
            foreach (var d in family)
            {
                text.Append($"| [{d.Code}]({d.Code}.md) | {d.DefaultSeverity.ToName()} | {d.Title} |\n");
            }
            text.Append('\n');
        }
        Golden.Verify(Path.Combine(Docs, "README.md"), text.ToString());
    }

    [Fact]
    public void No_page_is_left_for_a_code_that_no_longer_exists()
    {
        var pages = Directory.EnumerateFiles(Docs, "RL*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.NotNull(DiagnosticCatalog.Find(page!)));
    }

    private static string Page(DiagnosticDescriptor d)
    {
        var text = new StringBuilder();
        text.Append($"# {d.Code}: {d.Title}\n\n");
        text.Append($"Family: {d.Family.ToName()}. Default severity: **{d.DefaultSeverity.ToName()}**.\n\n");
        text.Append(d.Documentation).Append("\n\n");
        text.Append(d.Messages.Length == 1 ? "## Message\n\n" : "## Messages\n\n");
        foreach (var message in d.Messages)
        {
            text.Append("- `").Append(MessageTemplate.Readable(message)).Append("`\n");
        }
        text.Append('\n');
        text.Append("## Example\n\n```\n").Append(d.Example).Append("\n```\n\n");
        text.Append("## Fix\n\n```\n").Append(d.Fix).Append("\n```\n");
        foreach (var (title, file) in Fixtures(d.Code))
        {
            string source = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            string findings = File.ReadAllText(Path.ChangeExtension(file, ".diagnostics.verified.txt"));
            var reported = findings.Split('\n').Where(l => l.Contains(" !! ", StringComparison.Ordinal) || l.StartsWith("!! ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf("!! ", StringComparison.Ordinal) + 3)..]).ToList();
            text.Append($"\n## {title}\n\n`{RepoPaths.Relative(file)}`:\n\n```\n").Append(source.TrimEnd('\n')).Append("\n```\n\n");
            text.Append(reported.Count == 0 ? "`regimen check` reports nothing.\n" : "`regimen check` reports:\n\n```\n" + string.Join("\n", reported) + "\n```\n");
        }
        return text.ToString();
    }

    /// <summary>The failing and passing fixtures of a code (checker rules), or its broken-file fixture (syntax and names).</summary>
    private static IEnumerable<(string Title, string File)> Fixtures(string code)
    {
        string rules = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Rules");
        string broken = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Diagnostics");
        foreach (var file in Directory.EnumerateFiles(rules, code + "-*.fail.regimen").Order(StringComparer.Ordinal))
        {
            yield return ("A failing file", file);
        }
        foreach (var file in Directory.EnumerateFiles(rules, code + "-*.pass.regimen").Order(StringComparer.Ordinal))
        {
            yield return ("The same, fixed", file);
        }
        foreach (var file in Directory.EnumerateFiles(broken, code + "-*.regimen").Order(StringComparer.Ordinal))
        {
            // Invalid UTF-8 cannot be shown on a page.
            if (code != "RL0005" && code != "RL0006")
            {
                yield return ("A file that triggers it", file);
            }
        }
    }
}
