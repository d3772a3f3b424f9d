using System.Text.Json;
using RegimenLang.Diagnostics;
using RegimenLang.Tests.Support;
using RegimenLang.Text;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

/// <summary>
/// At most 500 findings of a file are shown, then RL0016 counts the rest by severity. The cap never hides an error:
/// errors are shown first, and the summary, the JSON counts and the exit status count every finding, shown or not.
/// </summary>
public sealed class FindingCapTests() : TempFolder("cap-")
{
    /// <summary>600 lines that each draw a trailing-zero warning (and most a same-day warning), then one unknown drug.</summary>
    private static string WarningsThenAnError() =>
        Parsing.Header + "cycle A length 28 days {\n"
        + string.Concat(Enumerable.Range(0, 600).Select(i => $"  folic-acid 1.0 mg PO day {1 + (i % 28)}\n"))
        + "  folic-acd 1 mg PO day 1\n}\nplan {\n  main: A\n}\n";

    [Fact]
    public void Six_hundred_warnings_before_an_error_still_fail_the_check_and_the_summary_counts_them_all()
    {
        string path = Write("flood.regimen", WarningsThenAnError());
        var (exit, output, error) = Run("check", path);
        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(501, lines.Length);
        // The error is shown (errors first), and the output stays in file order.
        Assert.Contains(lines, l => l.Contains("error RL1001", StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l.Contains(" error ", StringComparison.Ordinal)));
        var last = lines[^1];
        Assert.Contains("info RL0016: ", last, StringComparison.Ordinal);

        // The summary counts every finding: the 499 warnings shown and the ones counted by RL0016.
        var (_, json, _) = Run("check", path, "--format", "json");
        using var document = JsonDocument.Parse(json);
        int warnings = document.RootElement.GetProperty("warnings").GetInt32();
        Assert.Equal(1, document.RootElement.GetProperty("errors").GetInt32());
        Assert.True(warnings > 600, $"{warnings} warnings");
        Assert.Contains($"checked 1 file: 1 error, {Words.Count(warnings, "warning")}", error, StringComparison.Ordinal);
        int hidden = warnings - 499;
        Assert.EndsWith($"info RL0016: {hidden:#,0} more findings are not shown (0 errors, {hidden:#,0} warnings): only 500 findings of a file are reported, errors first",
            last, StringComparison.Ordinal);
    }

    [Fact]
    public void Severities_configured_in_regimen_yaml_are_counted_for_the_findings_not_shown()
    {
        string path = Write("flood.regimen", WarningsThenAnError());
        Write("regimen.yaml", "rules:\n  RL5001: error\n  RL2006: off\n");
        var (exit, output, error) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Contains("checked 1 file: 601 errors, 0 warnings", error, StringComparison.Ordinal);
        Assert.EndsWith("101 more findings are not shown (101 errors, 0 warnings): only 500 findings of a file are reported, errors first\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_past_the_cap_make_warnings_as_errors_fail()
    {
        string path = Write("flood.regimen", WarningsThenAnError().Replace("folic-acd 1 mg", "folic-acid 1 mg", StringComparison.Ordinal));
        Assert.Equal(0, Run("check", path).Exit);
        Assert.Equal(1, Run("check", path, "--warnings-as-errors").Exit);
    }

    [Fact]
    public void Under_the_cap_nothing_is_reordered()
    {
        var d = new List<Diagnostic>
        {
            Diagnose.TrailingZero(new SourceSpan(0, 3, 4, 5), "2.0") with { File = "a" },
            Diagnose.UnknownDrug(new SourceSpan(0, 3, 2, 5), "x", []) with { File = "a" },
        };
        var capped = FindingList.Cap(d);
        Assert.Equal(d, capped);
        Assert.Equal(new FindingCounts(1, 1, 0), capped.Counts);
    }

    [Fact]
    public void Over_the_cap_errors_are_kept_in_their_order_and_each_file_is_capped_on_its_own()
    {
        var d = new List<Diagnostic>();
        for (int line = 1; line <= 700; line++)
        {
            d.Add(Diagnose.TrailingZero(new SourceSpan(0, 3, line, 1), "2.0") with { File = "a" });
        }
        d.Add(Diagnose.UnknownDrug(new SourceSpan(0, 3, 701, 1), "x", []) with { File = "a" });
        d.Add(Diagnose.UnknownDrug(new SourceSpan(0, 3, 1, 1), "y", []) with { File = "b" });
        var capped = FindingList.Cap(d);
        Assert.Equal(new FindingCounts(2, 700, 0), capped.Counts);
        var a = capped.Where(x => x.File == "a").ToList();
        Assert.Equal(501, a.Count);
        Assert.Equal(499, a.Count(x => x.Code == "RL5001"));
        Assert.Equal(Enumerable.Range(1, 499), a.Take(499).Select(x => x.Span.Line));
        Assert.Equal(("RL1001", 701), (a[499].Code, a[499].Span.Line));
        Assert.Equal("201 more findings are not shown (0 errors, 201 warnings): only 500 findings of a file are reported, errors first", a[500].Message);
        Assert.Equal(701, a[500].Span.Line);
        Assert.Equal("RL1001", Assert.Single(capped, x => x.File == "b").Code);
        // A list already capped is not capped again.
        Assert.Same(capped, FindingList.Cap(capped));
        Assert.Equal(capped.Counts, FindingCounts.Of(capped));
    }

    [Fact]
    public void Findings_counted_but_never_built_are_in_the_count()
    {
        var d = Enumerable.Range(1, 500).Select(line => Diagnose.UnknownDrug(new SourceSpan(0, 3, line, 1), "x", []) with { File = "a" }).ToList();
        var capped = FindingList.Cap(d, "a", new FindingCounts(7, 0, 0));
        Assert.Equal(501, capped.Count);
        Assert.Equal(507, capped.Counts.Errors);
        Assert.Equal("7 more findings are not shown (7 errors, 0 warnings): only 500 findings of a file are reported, errors first", capped[^1].Message);
    }

    [Fact]
    public void Ast_and_fmt_print_at_most_five_hundred_syntax_findings_of_a_file()
    {
        string path = Write("broken.regimen", Parsing.Header + string.Concat(Enumerable.Repeat("?\n", 700)));
        const string count = "info RL0016: 200 more findings are not shown (200 errors, 0 warnings): only 500 findings of a file are reported, errors first";

        var (exit, _, error) = Run("ast", path);
        Assert.Equal(1, exit);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(501, lines.Length);
        Assert.EndsWith(count, lines[^1], StringComparison.Ordinal);

        var (fmtExit, fmtOutput, _) = Run("fmt", "--check", path);
        Assert.Equal(1, fmtExit);
        var fmtLines = fmtOutput.TrimEnd('\n').Split('\n');
        Assert.Equal(501, fmtLines.Length);
        Assert.EndsWith(count, fmtLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_prints_at_most_five_hundred_problems_of_a_patient_file()
    {
        string regimen = Write("r.regimen", Parsing.Regimen("vincristine 1.4 mg/m2 IV day 1 cap 2 mg"));
        string patient = Write("p.patient.yaml", "height: 170 cm\nweight: 72 kg\ninputs:\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"  in{i}: 35%\n")));
        var (exit, _, error) = Run("expand", regimen, "--patient", patient);
        Assert.Equal(1, exit);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(501, lines.Count(l => l.StartsWith(patient, StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.EndsWith("100 more findings are not shown (100 errors, 0 warnings): only 500 findings of a file are reported, errors first", StringComparison.Ordinal));
    }
}
