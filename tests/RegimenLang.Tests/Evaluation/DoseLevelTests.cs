using System.Text.Json;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Dose levels: the <c>levels</c> line, the patient's level per drug, the timeline at a level and the checker at every level.</summary>
public sealed class DoseLevelTests
{
    private const string Levels = "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, -2: 75%, -3: omit }";

    private static readonly string Folfiri = Regimen("""
          ondansetron 8 mg PO 1 h before irinotecan
          irinotecan 180 mg/m2 IV over 90 min day 1
          leucovorin 400 mg/m2 IV over 2 h day 1
        """, plan: "main: A x 2", length: 14, extra: Levels);

    private static Patient At(int level, string drug = "irinotecan") =>
        Patient(bsa: 2m) with { DoseLevels = System.Collections.Immutable.ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase).Add(drug, level) };

    [Fact]
    public void The_levels_line_parses_into_its_levels()
    {
        var parse = RegimenParser.Parse("t.regimen", Levels);
        Assert.Empty(parse.Diagnostics);
        var levels = Assert.IsType<LevelsStatement>(Assert.Single(parse.Document.Statements));
        Assert.Equal("irinotecan", levels.Drug.Text);
        Assert.Equal(["0: 180 mg/m2", "-1: 150 mg/m2", "-2: 75%", "-3: omit"], levels.Levels.Select(l => $"{l.Level.Text}: {l.ValueText}"));
        Assert.True(levels.Levels[3].IsOmit);
        Assert.Equal(75m, levels.Levels[2].Percent!.Value);
    }

    [Fact]
    public void The_formatter_writes_the_canonical_form_and_keeps_the_meaning()
    {
        string text = "regimen \"x\"\nLEVELS carboplatin {0:AUC 5,-1 : AUC 4,  -2:50 %}\n";
        var once = RegimenFormatter.Format("t.regimen", text);
        Assert.True(once.Succeeded, string.Join("\n", once.Diagnostics));
        Assert.Contains("levels carboplatin { 0: AUC 5, -1: AUC 4, -2: 50% }\n", once.Text, StringComparison.Ordinal);
        var twice = RegimenFormatter.Format("t.regimen", once.Text!);
        Assert.Equal(once.Text, twice.Text);
        Assert.True(SyntaxEquivalence.Equivalent(RegimenParser.Parse("a", text).Document, RegimenParser.Parse("b", once.Text!).Document));
    }

    [Theory]
    [InlineData("levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2", "expected '}', found the end of the line")]
    [InlineData("levels irinotecan { 0: 180 mg/m2, -1: lots }", "expected a dose such as 150 mg/m2, a percentage of the full dose such as 75%, or omit, found 'lots'")]
    [InlineData("levels irinotecan { 0: 180 mg/m2, -1.5: 75% }", "a dose level must be a whole number")]
    [InlineData("levels irinotecan { 0: 180 mg/m2, -21: 75% }", "a dose level must be from -20 to 20")]
    [InlineData("levels irinotecan { 0: 180 mg/m2, -1: 0% }", "a percentage of the full dose must be greater than zero")]
    public void A_broken_levels_line_is_one_finding_and_hides_no_other_line(string line, string words)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  irinotecan 180 mg/m2 IV day 1", extra: line));
        var finding = Assert.Single(parse.Diagnostics);
        Assert.Contains(words, finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, finding.Span.Line);
        Assert.Single(parse.Document.Statements.OfType<ErrorStatement>());
        Assert.Single(parse.Document.Statements.OfType<CycleStatement>());
        Assert.Single(parse.Document.Statements.OfType<PlanStatement>());
    }

    [Fact]
    public void At_level_0_the_timeline_is_the_regimen_as_written_and_says_so()
    {
        var (timeline, diagnostics) = Expand(Folfiri, Patient(bsa: 2m));
        Assert.Empty(diagnostics);
        var irinotecan = timeline!.Entries.Where(e => e.Drug == "irinotecan").ToList();
        Assert.Equal(2, irinotecan.Count);
        Assert.All(irinotecan, e => Assert.Equal((0, "180 mg/m2", 360m), (e.DoseLevel!.Value, e.Prescribed.ToString()!, e.Amount)));
        Assert.All(timeline.Entries.Where(e => e.Drug != "irinotecan"), e => Assert.Null(e.DoseLevel));
        Assert.Equal("irinotecan level 0 (full dose)", TimelineText.DoseLevels(timeline));
    }

    [Theory]
    [InlineData(-1, "150 mg/m2", 300)]
    [InlineData(-2, "135 mg/m2", 270)]
    public void At_a_reduced_level_every_dose_and_total_is_the_level_s(int level, string prescribed, int amount)
    {
        var (timeline, diagnostics) = Expand(Folfiri, At(level));
        Assert.Empty(diagnostics);
        var irinotecan = timeline!.Entries.Where(e => e.Drug == "irinotecan").ToList();
        Assert.Equal(2, irinotecan.Count);
        Assert.All(irinotecan, e => Assert.Equal((level, prescribed, (decimal)amount), (e.DoseLevel!.Value, e.Prescribed.ToString()!, e.Amount)));
        Assert.Equal(2m * amount, timeline.PlanTotals.Single(t => t.Drug == "irinotecan").Absolute.Amount);
        // The other drugs are untouched.
        Assert.All(timeline.Entries.Where(e => e.Drug == "leucovorin"), e => Assert.Equal(800m, e.Amount));
        Assert.Contains($"dose level {level}", TimelineTableWriter.Write(timeline), StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_that_omits_the_drug_leaves_out_its_lines_and_those_timed_from_it()
    {
        var (timeline, diagnostics) = Expand(Folfiri, At(-3));
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(timeline!.Entries, e => e.Drug is "irinotecan" or "ondansetron");
        Assert.Equal(2, timeline.Entries.Count(e => e.Drug == "leucovorin"));
        Assert.Equal("irinotecan level -3 (omitted: not given)", TimelineText.DoseLevels(timeline));
    }

    [Fact]
    public void A_line_at_another_dose_gets_the_level_in_proportion()
    {
        string source = Regimen("  irinotecan 120 mg/m2 IV over 90 min day 1", extra: "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2 }");
        var (timeline, _) = Expand(source, At(-1));
        var entry = timeline!.Entries.Single();
        Assert.Equal("100 mg/m2", entry.Prescribed.ToString());
        Assert.Equal(200m, entry.Amount);
    }

    [Fact]
    public void The_json_timeline_names_each_level_and_stays_as_it_was_without_levels()
    {
        var (timeline, _) = Expand(Folfiri, At(-1));
        using var json = JsonDocument.Parse(JsonTreeWriter.Write(TimelineTreeBuilder.Build(timeline!)));
        var level = Assert.Single(json.RootElement.GetProperty("doseLevels").EnumerateArray());
        Assert.Equal(("irinotecan", -1, "150 mg/m2", false),
            (level.GetProperty("drug").GetString(), level.GetProperty("level").GetInt32(), level.GetProperty("value").GetString(), level.GetProperty("omitted").GetBoolean()));
        var administrations = json.RootElement.GetProperty("administrations").EnumerateArray().ToList();
        Assert.All(administrations.Where(a => a.GetProperty("drug").GetString() == "irinotecan"), a => Assert.Equal(-1, a.GetProperty("doseLevel").GetInt32()));
        Assert.All(administrations.Where(a => a.GetProperty("drug").GetString() != "irinotecan"), a => Assert.False(a.TryGetProperty("doseLevel", out _)));

        var (plain, _) = Expand(Regimen("  irinotecan 180 mg/m2 IV over 90 min day 1"), Patient(bsa: 2m));
        using var without = JsonDocument.Parse(JsonTreeWriter.Write(TimelineTreeBuilder.Build(plain!)));
        Assert.False(without.RootElement.TryGetProperty("doseLevels", out _));
        Assert.False(without.RootElement.GetProperty("administrations")[0].TryGetProperty("doseLevel", out _));
        Assert.EndsWith(",doseLevel,status,recorded", TimelineCsvWriter.Write(plain!).Split("\r\n")[0], StringComparison.Ordinal);
    }

    private static (Patient? Patient, List<Diagnostic> Problems) Build(string source, PatientDraft draft)
    {
        var problems = new List<Diagnostic>();
        var patient = PatientBuilder.Build(draft with { Facts = draft.Facts }, new PatientOptions(BsaFormula.Mosteller, null, Start), Bind(source), problems);
        return (patient, problems);
    }

    [Fact]
    public void The_patient_file_gives_a_level_per_drug_and_a_level_the_regimen_lacks_is_RL6030_at_its_line()
    {
        var bag = new DiagnosticBag("p.yaml");
        var draft = PatientFileLoader.Load("height: 170 cm\nweight: 72 kg\nlevels:\n  CPT-11: -2\n", bag);
        Assert.Empty(bag.Items);
        var (patient, problems) = Build(Folfiri, draft!);
        Assert.Empty(problems);
        Assert.Equal(-2, patient!.DoseLevelOf("irinotecan"));

        draft = PatientFileLoader.Load("height: 170 cm\nweight: 72 kg\nlevels:\n  irinotecan: -4\n  leucovorin: -1\n  nosuchdrug: -1\n  irinotecan-x: 1\n", bag);
        (patient, problems) = Build(Folfiri, draft!);
        Assert.Null(patient);
        Assert.All(problems, d => Assert.Equal(("RL6030", "p.yaml"), (d.Code, d.File)));
        Assert.Equal(
        [
            "4:15 levels irinotecan: level -4 is not a level of irinotecan (its levels are 0, -1, -2 and -3)",
            "5:15 levels leucovorin: the regimen gives leucovorin no dose levels (it gives levels for irinotecan)",
            "6:15 levels: 'nosuchdrug' is not a drug of the formulary",
            "7:17 levels: 'irinotecan-x' is not a drug of the formulary",
        ], problems.OrderBy(d => d.Span.Line).Select(d => $"{d.Span.Line}:{d.Span.Column} {d.Message}"));
    }

    [Fact]
    public void A_level_flag_overrides_the_file_and_names_itself_in_its_finding()
    {
        var file = PatientDraft.Empty with
        {
            Levels = PatientDraft.Empty.Levels.Add("irinotecan", new RawLevel("irinotecan", "-1", new ValueOrigin("p.yaml", 3, 3))),
        };
        var flags = PatientDraft.Empty with
        {
            Levels = PatientDraft.Empty.Levels.Add("irinotecan", new RawLevel("irinotecan", "minus one", ValueOrigin.Flag("--level irinotecan"))),
        };
        var (_, problems) = Build(Folfiri, file.OverriddenBy(flags));
        var d = Assert.Single(problems);
        Assert.Equal(("RL6030", ValueOrigin.CommandLine), (d.Code, d.File));
        Assert.Equal("--level irinotecan: 'minus one' is not a dose level such as 0, -1 or 1", d.Message);
    }

    private static IReadOnlyList<Diagnostic> Check(string source, Patient? patient = null)
    {
        var compilation = new RegimenCompilation(new SourceText("t.regimen", source), RegimenSetup.BuiltIn);
        return patient is null ? compilation.Diagnostics : compilation.Check(patient);
    }

    private static readonly string Doxorubicin = Regimen("  doxorubicin 60 mg/m2 IV day 1", plan: "main: A x 8",
        extra: "source: NCT01234567\nlevels doxorubicin { 0: 60 mg/m2, -1: 45 mg/m2, 1: 120% }");

    [Fact]
    public void Without_a_patient_every_level_is_checked_against_the_limits_and_the_finding_names_the_level()
    {
        var finding = Assert.Single(Check(Doxorubicin), d => d.Code == "RL3005");
        Assert.Contains("576 mg/m2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(when dose level 1 of doxorubicin)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(6, finding.Span.Line); // the doxorubicin line, whose dose crosses the maximum
    }

    [Fact]
    public void With_a_patient_only_the_patient_s_level_is_checked()
    {
        Assert.DoesNotContain(Check(Doxorubicin, Patient(bsa: 2m)), d => d.Code == "RL3005");
        Assert.DoesNotContain(Check(Doxorubicin, At(-1, "doxorubicin")), d => d.Code == "RL3005");
        Assert.Contains(Check(Doxorubicin, At(1, "doxorubicin")), d => d.Code == "RL3005");
    }

    [Fact]
    public void The_level_table_is_checked()
    {
        string source = Regimen("  irinotecan 125 mg/m2 IV day 1", extra: "source: NCT01234567\nlevels irinotecan { 0: 180 mg/m2, -1: 190 mg/m2, -2: 120 mg, -2: 75% }");
        var codes = Check(source).Select(d => $"{d.Code} {d.Message}").ToList();
        Assert.Contains("RL1030 level -2 of irinotecan is given twice", codes);
        Assert.Contains("RL1030 level -2 of irinotecan is 120 mg but level 0 is 180 mg/m2: write it in the same unit and basis as level 0, or as a percentage such as 75%", codes);
        Assert.Contains("RL1031 level -1 of irinotecan (190 mg/m2) is not less than level 0 (180 mg/m2): a level below 0 reduces the dose", codes);
        Assert.Contains(codes, c => c.StartsWith("RL1033 irinotecan 125 mg/m2 is not level 0 of its dose levels (180 mg/m2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Expand_and_check_take_the_level_flag()
    {
        string regimen = RegimenLang.Tests.Support.RepoPaths.Combine("regimens", "13-folfiri.regimen");
        string patient = RegimenLang.Tests.Support.RepoPaths.Combine("regimens", "13-folfiri.patient.yaml");
        var (exit, output, _) = RegimenLang.Tests.Cli.CliRunner.Run("expand", regimen, "--patient", patient, "--level", "irinotecan=-2", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Contains(",irinotecan,IV,IV,120 mg/m2,236.4,mg,", output, StringComparison.Ordinal);

        (exit, output, string error) = RegimenLang.Tests.Cli.CliRunner.Run("check", regimen, "--patient", patient, "--level", "irinotecan=-5");
        Assert.Equal(1, exit);
        Assert.Contains("error RL6030: --level irinotecan: level -5 is not a level of irinotecan (its levels are 0, -1 and -2)", output + error, StringComparison.Ordinal);

        (exit, _, error) = RegimenLang.Tests.Cli.CliRunner.Run("expand", regimen, "--level", "irinotecan");
        Assert.Equal(2, exit);
        Assert.Contains("--level: 'irinotecan' is not drug=level, e.g. irinotecan=-1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_lays_the_plan_out_at_each_drug_s_highest_escalation_only_then_at_all_of_them()
    {
        // Reductions and omit cannot pass a maximum the full dose keeps to: no scenario of their own.
        Assert.Single(RegimenLang.Checking.ScenarioBuilder.Build(Bind(Folfiri)));
        string escalated = Regimen("""
              irinotecan 180 mg/m2 IV day 1
              leucovorin 400 mg/m2 IV day 1
            """, extra: "levels irinotecan { 0: 180 mg/m2, 1: 200 mg/m2, 2: 225 mg/m2, -1: omit }\nlevels leucovorin { 0: 100%, 1: 110% }");
        var scenarios = RegimenLang.Checking.ScenarioBuilder.Build(Bind(escalated));
        Assert.Equal(["", "dose level 2 of irinotecan", "dose level 1 of leucovorin", "dose level 2 of irinotecan, dose level 1 of leucovorin"],
            scenarios.Select(s => s.DoseLevelDescription));
        Assert.Equal(2, scenarios[^1].Patient.DoseLevelOf("irinotecan"));
    }
}
