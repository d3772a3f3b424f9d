using System.Text.Json;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

public sealed class CheckCommandTests() : TempFolder("check-")
{
    [Fact]
    public void The_shipped_regimens_check_clean()
    {
        var (exit, output, error) = Run("check", RepoPaths.Regimens);
        Assert.True(exit == 0, output + error);
        Assert.Contains("checked 19 files: 0 errors", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_print_path_line_column_severity_code_and_exit_1()
    {
        string path = Write("bad.regimen", Parsing.Regimen("vincristin 2 mg IV day 1"));
        var (exit, output, _) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Equal($"{path}:4:3: error RL1001: 'vincristin' is not a drug in the formulary (did you mean 'vincristine'?)\n", output);
    }

    [Fact]
    public void Warnings_alone_exit_0_unless_warnings_are_errors()
    {
        string path = Write("warn.regimen", Parsing.Header + "input cd20: percent\ncycle A length 21 days {\n  vincristine 2 mg IV day 1\n}\nplan {\n  main: A\n}\n");
        Assert.Equal(0, Run("check", path).Exit);
        Assert.Equal(1, Run("check", path, "--warnings-as-errors").Exit);
    }

    [Fact]
    public void Folders_are_searched_recursively_for_regimen_files_in_a_stable_order()
    {
        Write("b/two.regimen", Parsing.Regimen("vincristin 2 mg IV day 1"));
        Write("a/one.regimen", Parsing.Regimen("cytarabin 100 mg IT day 8"));
        Write("a/notes.txt", "not a regimen");
        var (_, output, error) = Run("check", Folder);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("a/one.regimen", lines[0], StringComparison.Ordinal);
        Assert.Contains("b/two.regimen", lines[1], StringComparison.Ordinal);
        Assert.Contains("checked 2 files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_lists_every_finding_with_its_position()
    {
        string path = Write("bad.regimen", Parsing.Regimen("vincristine 2 mg day 1"));
        var (exit, output, _) = Run("check", path, "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var d = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("RL0001", d.GetProperty("code").GetString());
        Assert.Equal(4, d.GetProperty("line").GetInt32());
        Assert.Equal(20, d.GetProperty("column").GetInt32());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_missing_path_is_a_usage_error_with_exit_2()
    {
        var (exit, _, error) = Run("check", Path.Combine(Folder, "nope.regimen"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_and_formats_are_usage_errors_with_exit_2()
    {
        Assert.Equal(2, Run("check", RepoPaths.Regimens, "--format", "xml").Exit);
        Assert.Equal(2, Run("check", "--bogus").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
    }

    [Fact]
    public void Output_file_is_written_and_nothing_is_printed()
    {
        string path = Write("bad.regimen", Parsing.Regimen("vincristin 2 mg IV day 1"));
        string report = Path.Combine(Folder, "report.json");
        var (exit, output, _) = Run("check", path, "--format", "json", "-o", report);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("RL1001", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_formulary_adds_drugs()
    {
        string path = Write("local.regimen", Parsing.Regimen("localmab 10 mg IV day 1"));
        Assert.Equal(1, Run("check", path).Exit);
        string formulary = Write("local.yaml", "drugs:\n  - name: localmab\n    class: test\n    routes: [IV]\n    source: \"local policy\"\n");
        var (exit, output, error) = Run("check", path, "--formulary", formulary);
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public void A_broken_formulary_is_reported_at_its_line()
    {
        string path = Write("ok.regimen", Parsing.Regimen("vincristine 2 mg IV day 1"));
        string formulary = Write("local.yaml", "drugs:\n  - name: x\n    colour: red\n");
        var (exit, output, _) = Run("check", path, "--formulary", formulary);
        Assert.Equal(1, exit);
        Assert.Contains("local.yaml:3:", output, StringComparison.Ordinal);
        Assert.Contains("RL1020", output, StringComparison.Ordinal);
    }
}
