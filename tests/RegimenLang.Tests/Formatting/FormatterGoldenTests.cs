using RegimenLang.Syntax.Formatting;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Formatting;

/// <summary>
/// Golden tests: each messy <c>Fixtures/Format/X.regimen</c> beside <c>X.formatted.verified.txt</c>,
/// its canonical form. Accept new output with ACCEPT_GOLDEN=1 and review the diff.
/// </summary>
public sealed class FormatterGoldenTests
{
    private static string FixtureFolder => RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Format");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FixtureFolder, "*.regimen").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Fact]
    public void There_are_format_fixtures() => Assert.True(Fixtures().Count >= 7);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Formatted_text_matches_the_golden_file(string name)
    {
        string input = File.ReadAllText(Path.Combine(FixtureFolder, name + ".regimen"));
        var result = RegimenFormatter.Format(name + ".regimen", input);
        Assert.True(result.Succeeded, $"{result.Status}: {result.InternalError} {string.Join("\n", result.Diagnostics)}");
        Assert.NotEqual(input, result.Text);
        Golden.Verify(Path.Combine(FixtureFolder, name + ".formatted.verified.txt"), result.Text!);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_golden_file_is_already_canonical(string name)
    {
        string verified = Path.Combine(FixtureFolder, name + ".formatted.verified.txt");
        string text = File.ReadAllText(verified);
        var result = RegimenFormatter.Format(name + ".regimen", text);
        Assert.True(result.Succeeded);
        Assert.Equal(text, result.Text);
    }
}
