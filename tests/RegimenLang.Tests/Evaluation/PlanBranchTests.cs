using System.Collections.Immutable;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Plan branches (<c>(a when c else b)</c>) and open-ended repeats (<c>repeat until EVENT (at most D)</c>).</summary>
public sealed class PlanBranchTests
{
    private const string PetAdapted = """
        regimen "PET-adapted"
        id: pet
        input pet2: choice negative | positive "Interim PET after cycle 2"
        cycle abvd length 28 days {
          doxorubicin 25 mg/m2 IV days 1, 15
        }
        cycle avd length 28 days {
          doxorubicin 25 mg/m2 IV days 1, 15
        }
        cycle esc length 21 days {
          doxorubicin 35 mg/m2 IV day 1
        }
        plan {
          induction: abvd x 2 then (avd x 4 when pet2 = negative else esc x 4)
        }
        """;

    private const string Maintenance = """
        regimen "Maintenance"
        id: len
        cycle len length 28 days {
          lenalidomide 10 mg PO daily days 1-28
        }
        plan {
          maintenance: len repeat until progression (expect 3 cycles, at most 1 year)
        }
        """;

    private static Patient With(string input, string word, Patient? patient = null)
    {
        var p = patient ?? Patient();
        return p with { Inputs = p.Inputs.SetItem(input, new PatientInput(input, new FactValue(null, null, word), "")) };
    }

    [Fact]
    public void Csv_and_calendar_mark_the_branch_and_the_open_ended_course()
    {
        var branched = ExpandOk(PetAdapted, With("pet2", "negative"));
        // The '#' lines (class totals: doxorubicin) come before the header.
        var rows = TimelineCsvWriter.Write(branched).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(r => !r.StartsWith('#')).ToArray();
        Assert.EndsWith(",branch,openEnded", rows[0], StringComparison.Ordinal);
        Assert.EndsWith(",,", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",pet2 = negative,", rows[^1], StringComparison.Ordinal);
        Assert.Contains("plan branch: when pet2 = negative", TimelineIcsWriter.Write(branched).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var open = ExpandOk(Maintenance);
        string csv = TimelineCsvWriter.Write(open);
        Assert.StartsWith("# open-ended: ", csv, StringComparison.Ordinal);
        Assert.Contains("until progression", csv.Split("\r\n")[^2], StringComparison.Ordinal);
        Assert.Contains("open-ended course: until progression", TimelineIcsWriter.Write(open).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // A fixed plan keeps the contract's columns.
        Assert.EndsWith(",doseLevel", TimelineCsvWriter.Write(ExpandOk(Regimen("  vincristine 2 mg IV day 1"))).Split("\r\n")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("negative", "abvd,abvd,avd,avd,avd,avd")]
    [InlineData("positive", "abvd,abvd,esc,esc,esc,esc")]
    public void Expansion_follows_the_patients_value(string pet2, string cycles)
    {
        var t = ExpandOk(PetAdapted, With("pet2", pet2));
        Assert.Equal(cycles, string.Join(",", t.Cycles.Select(c => c.CycleName)));
        string branch = pet2 == "negative" ? "pet2 = negative" : "not (pet2 = negative)";
        Assert.All(t.Cycles.Skip(2), c => Assert.Equal(branch, c.Branch));
        Assert.All(t.Cycles.Take(2), c => Assert.Null(c.Branch));
    }

    [Fact]
    public void A_patient_without_the_value_gets_the_missing_input_diagnostic_and_no_timeline()
    {
        var (timeline, diagnostics) = Expand(PetAdapted);
        Assert.Null(timeline);
        var finding = Assert.Single(diagnostics);
        Assert.Equal("RL6001", finding.Code);
        Assert.Contains("--set pet2=negative|positive", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Else_may_start_another_branch_and_a_branch_without_else_gives_nothing()
    {
        string source = PetAdapted.Replace("(avd x 4 when pet2 = negative else esc x 4)", "(avd x 1 when pet2 = negative) then (esc when age >= 60 else avd x 2 when age >= 40 else esc x 3)",
            StringComparison.Ordinal);
        var young = ExpandOk(source, With("pet2", "positive") with { AgeYears = 30 });
        Assert.Equal("abvd,abvd,esc,esc,esc", string.Join(",", young.Cycles.Select(c => c.CycleName)));
        Assert.Equal("not (age >= 60) and not (age >= 40)", young.Cycles[^1].Branch);
        var middle = ExpandOk(source, With("pet2", "negative") with { AgeYears = 50 });
        Assert.Equal("abvd,abvd,avd,avd,avd", string.Join(",", middle.Cycles.Select(c => c.CycleName)));
    }

    [Fact]
    public void The_checker_explores_every_branch_and_names_it()
    {
        string source = PetAdapted.Replace("plan {", "limit doxorubicin 250 mg/m2 lifetime\nplan {", StringComparison.Ordinal);
        var finding = Assert.Single(CheckErrors(source));
        Assert.Equal("RL3005", finding.Code);
        // 300 mg/m2 after AVD (PET-negative), 240 mg/m2 after escalated cycles (PET-positive): only the first is over 250.
        Assert.Contains("300 mg/m2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(when pet2 = negative)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_patient_who_lacks_the_value_check_explores_each_branch_for_that_patient()
    {
        string source = PetAdapted.Replace("plan {", "limit doxorubicin 400 mg lifetime\nplan {", StringComparison.Ordinal);
        var compilation = RegimenLang.Tests.Support.Parsing.Check(source);
        // BSA 1.84 m2: 300 mg/m2 is 552 mg (PET-negative), 240 mg/m2 is 441.6 mg (PET-positive): a maximum is reported once, at its first branch.
        var findings = compilation.Check(Patient()).Where(d => d.Code == "RL3005").ToList();
        Assert.Single(findings);
        Assert.Contains("when pet2 = negative", findings[0].Message, StringComparison.Ordinal);
        // With the value given, only the patient's own branch is checked (BSA 1.44 m2: 240 mg/m2 is 346 mg).
        Assert.DoesNotContain(compilation.Check(With("pet2", "positive", Patient(height: 150, weight: 50))), d => d.Code == "RL3005");
    }

    [Fact]
    public void Bad_branches_are_reported_once_without_a_cascade()
    {
        string source = PetAdapted.Replace("(avd x 4 when pet2 = negative else esc x 4)", "(avd x 4 when pet2 = unclear else escx x 4) then (avd when pett2 = negative)",
            StringComparison.Ordinal);
        var errors = RegimenLang.Tests.Support.Parsing.Check(source).Diagnostics.Where(d => d.Severity == RegimenLang.Diagnostics.Severity.Error).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("unclear", StringComparison.Ordinal) && e.Message.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("escx", StringComparison.Ordinal) && e.Message.Contains("esc", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("pett2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plan_size_guard_counts_the_larger_side_of_a_branch()
    {
        string source = PetAdapted.Replace("(avd x 4 when pet2 = negative else esc x 4)", "(avd x 4 when pet2 = negative else esc x 1000)", StringComparison.Ordinal);
        Assert.Equal("RL2009", Assert.Single(CheckErrors(source)).Code);
        Assert.IsType<PlanTooLarge>(Evaluator.Evaluate(Bind(source), With("pet2", "negative")).Refusal);
    }

    [Fact]
    public void An_open_ended_repeat_shows_its_expected_course_and_marks_it()
    {
        var t = ExpandOk(Maintenance);
        Assert.Equal(3, t.Cycles.Length);
        Assert.All(t.Cycles.Select((c, i) => (c, i)), x => Assert.Equal(new OpenCourse("progression", x.i + 1, 3, null, 13), x.c.OpenEnded));
        string json = TimelineJson(t);
        Assert.Contains("\"openEnded\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"openEnded\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"atMost\": 13", json, StringComparison.Ordinal);
        Assert.Contains("open-ended 3: until progression, expected 3 of at most 13", TimelineText.CycleHeading(t.Cycles[2], t.Patient.Start, []), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(at most 1 year)", 13)]
    [InlineData("(at most 52 weeks)", 13)]
    [InlineData("(at most 27 days)", 1)]
    [InlineData("(at most 4 cycles)", 4)]
    public void Without_expect_the_timeline_shows_the_longest_course(string bound, int cycles)
    {
        var t = ExpandOk(Maintenance.Replace("(expect 3 cycles, at most 1 year)", bound, StringComparison.Ordinal));
        Assert.Equal(cycles, t.Cycles.Length);
        Assert.Null(t.Cycles[0].OpenEnded!.Expected);
    }

    [Fact]
    public void The_checker_checks_an_open_ended_course_at_its_longest()
    {
        string source = Maintenance.Replace("plan {", "limit lenalidomide 1000 mg lifetime\nplan {", StringComparison.Ordinal);
        // The expected course (3 x 280 mg) keeps to the limit; the longest (13 cycles) does not, from its 4th cycle.
        var finding = Assert.Single(CheckErrors(source));
        Assert.Equal("RL3005", finding.Code);
        Assert.Contains("3640 mg", finding.Message, StringComparison.Ordinal);
        Assert.Contains("after 4 of at most 13 cycles of the course until progression", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Shortest: the fewest whole 28-day cycles that last the duration (13 last 364 days, so a year needs 14).
    [InlineData("(at least 1 year)", 14, null, 14, null)]
    [InlineData("(at least 5 years)", 66, null, 66, null)]
    [InlineData("(at least 28 days)", 1, null, 1, null)]
    [InlineData("(at least 2 cycles, at most 1 year)", 2, null, 2, 13)]
    // Expected: the whole cycles that fit, as for the longest.
    [InlineData("(expect 1 year)", 13, 13, null, null)]
    [InlineData("(expect 20 weeks, at least 4 cycles)", 5, 5, 4, null)]
    [InlineData("(expect 6 cycles, at least 4 cycles, at most 2 years)", 6, 6, 4, 26)]
    public void The_timeline_shows_the_expected_course_else_the_shortest_else_the_longest(string bounds, int shown, int? expected, int? atLeast, int? atMost)
    {
        var t = ExpandOk(Maintenance.Replace("(expect 3 cycles, at most 1 year)", bounds, StringComparison.Ordinal));
        Assert.Equal(shown, t.Cycles.Length);
        Assert.Equal(new OpenCourse("progression", shown, expected, atLeast, atMost), t.Cycles[^1].OpenEnded);
    }

    [Fact]
    public void A_course_with_no_maximum_says_so_in_the_timeline_and_in_json()
    {
        var t = ExpandOk(Maintenance.Replace("(expect 3 cycles, at most 1 year)", "(expect 2 cycles, at least 1 cycle)", StringComparison.Ordinal));
        Assert.Contains("open-ended 2: until progression, expected 2, at least 1, no maximum", TimelineText.CycleHeading(t.Cycles[1], t.Patient.Start, []), StringComparison.Ordinal);
        string json = TimelineJson(t);
        Assert.Contains("\"atLeast\": 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("atMost", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lifetime_rule_carries_a_course_with_no_maximum_on_until_its_maximum_is_reached()
    {
        // 280 mg a cycle: the shortest course (14 cycles, 3920 mg) keeps to 5000 mg; carried on, the 18th cycle passes it.
        string source = Maintenance.Replace("(expect 3 cycles, at most 1 year)", "(at least 1 year)", StringComparison.Ordinal)
            .Replace("plan {", "limit lenalidomide 5000 mg lifetime\nplan {", StringComparison.Ordinal);
        var finding = Assert.Single(CheckErrors(source));
        Assert.Equal("RL3005", finding.Code);
        Assert.Contains("5010 mg", finding.Message, StringComparison.Ordinal);
        Assert.Contains("reached after 18 cycles ('len', phase 'maintenance') of the course until progression (no maximum)", finding.Message, StringComparison.Ordinal);

        // A drug the course does not give is not carried on: a lifetime limit of the first phase's drug is checked as written.
        string twoPhases = source.Replace("plan {", "cycle vin length 7 days {\n  vincristine 1 mg IV day 1\n}\nlimit vincristine 2 mg lifetime\nplan {\n  first: vin x 2", StringComparison.Ordinal)
            .Replace("limit lenalidomide 5000 mg lifetime\n", "", StringComparison.Ordinal);
        Assert.Empty(CheckErrors(twoPhases));
    }

    [Theory]
    [InlineData("(expect 30 cycles, at most 2 years)", "RL2020", "expects 30 cycles, but at most 26 fit in its longest course (at most 2 years)")]
    [InlineData("(expect 6 cycles, at least 1 year)", "RL2020", "expects 6 cycles, but its shortest course (at least 1 year) is 14 cycles")]
    [InlineData("(at least 1 year, at most 1 year)", "RL2021", "lasts at least 14 cycles (at least 1 year), but at most 13 (at most 1 year)")]
    [InlineData("(at least 3 years, at most 2 years)", "RL2021", "lasts at least 40 cycles (at least 3 years), but at most 26 (at most 2 years)")]
    public void Bounds_that_contradict_each_other_are_reported(string bounds, string code, string message)
    {
        var finding = Assert.Single(CheckErrors(Maintenance.Replace("(expect 3 cycles, at most 1 year)", bounds, StringComparison.Ordinal)));
        Assert.Equal(code, finding.Code);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(at most 2 years, at least 1 year)")]
    [InlineData("(at least 1 year, expect 6 cycles)")]
    [InlineData("(expect 6 cycles, expect 7 cycles)")]
    [InlineData("()")]
    [InlineData("(at least 1 year, at least 2 years)")]
    public void Bounds_out_of_order_twice_or_missing_are_syntax_errors(string bounds)
    {
        var errors = CheckErrors(Maintenance.Replace("(expect 3 cycles, at most 1 year)", bounds, StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Code == "RL0001");
    }

    private static string TimelineJson(Timeline t)
    {
        return JsonTreeWriter.Write(TimelineTreeBuilder.Build(t));
    }
}
