using System.Text.Json;
using RegimenLang.Diagnostics;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

public sealed class OtherCommandTests
{
    [Fact]
    public void Ast_prints_json_with_kinds_and_spans()
    {
        var (exit, output, _) = Run("ast", Path.Combine(RepoPaths.Regimens, "11-pomp-maintenance.regimen"));
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Regimen", json.RootElement.GetProperty("kind").GetString());
        var cycle = json.RootElement.GetProperty("statements").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "Cycle");
        Assert.Equal(3, cycle.GetProperty("span").GetArrayLength());
    }

    [Fact]
    public void Ast_prints_yaml()
    {
        var (exit, output, _) = Run("ast", Path.Combine(RepoPaths.Regimens, "11-pomp-maintenance.regimen"), "--format", "yaml");
        Assert.Equal(0, exit);
        Assert.StartsWith("kind: Regimen\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_the_documentation_with_example_and_fix()
    {
        var (exit, output, _) = Run("explain", "rl0002");
        Assert.Equal(0, exit);
        Assert.Contains("RL0002: Number without a leading digit", output, StringComparison.Ordinal);
        Assert.Contains("cytarabine 0.5 g/m2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_without_a_code_lists_every_code()
    {
        var (exit, output, _) = Run("explain");
        Assert.Equal(0, exit);
        Assert.Equal(DiagnosticCatalog.All.Count, output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Explain_an_unknown_code_is_a_usage_error() => Assert.Equal(2, Run("explain", "RL9999").Exit);

    [Theory]
    [InlineData("check")]
    [InlineData("ast")]
    [InlineData("explain")]
    [InlineData("expand")]
    [InlineData("snapshot")]
    [InlineData("fmt")]
    public void Help_of_every_command_has_an_example(string command)
    {
        var (exit, output, _) = Run(command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("regimen " + command, output, StringComparison.Ordinal);
    }
}
