using RegimenLang.Diagnostics;
using RegimenLang.Output;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

public class ScheduleTests
{
    private static string[] Clocks(string line, TimeOnly? time = null, int length = 21) =>
        [.. ExpandOk(Regimen(line, length: length), Patient(time: time)).Entries.Select(e => $"{Clock(e)} d{e.CycleDay}")];

    [Theory]
    [InlineData("once")]
    [InlineData("daily")]
    [InlineData("")]
    public void Once_and_daily_give_one_dose_per_listed_day_at_the_first_dose_time(string frequency) =>
        Assert.Equal(["2026-01-05 08:00 d1", "2026-01-06 08:00 d2"], Clocks($"  prednisone 60 mg PO {frequency} days 1-2"));

    [Fact]
    public void Bid_is_twelve_hours_apart() =>
        Assert.Equal(["2026-01-05 08:00 d1", "2026-01-05 20:00 d1"], Clocks("  methylprednisolone 50 mg IV bid day 1"));

    [Fact]
    public void Tid_is_six_hours_apart_in_the_waking_day() =>
        Assert.Equal(["2026-01-05 08:00 d1", "2026-01-05 14:00 d1", "2026-01-05 20:00 d1"], Clocks("  mercaptopurine 50 mg PO tid day 1"));

    [Fact]
    public void Qid_is_four_hours_apart_in_the_waking_day() =>
        Assert.Equal(["2026-01-05 08:00 d1", "2026-01-05 12:00 d1", "2026-01-05 16:00 d1", "2026-01-05 20:00 d1"],
            Clocks("  prednisone 10 mg PO qid day 1"));

    [Fact]
    public void Q6h_rolls_over_to_the_next_date_on_the_same_treatment_day() =>
        Assert.Equal(
            ["2026-01-05 08:00 d1", "2026-01-05 14:00 d1", "2026-01-05 20:00 d1", "2026-01-06 02:00 d1",
             "2026-01-06 08:00 d2", "2026-01-06 14:00 d2", "2026-01-06 20:00 d2", "2026-01-07 02:00 d2"],
            Clocks("  dexamethasone 4 mg IV q6h days 1-2"));

    [Fact]
    public void Q12h_x_6_from_20_00_fits_days_1_to_3()
    {
        var t = ExpandOk(Regimen("  cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-3"), Patient(time: new TimeOnly(20, 0)));
        Assert.Equal(6, t.Entries.Length);
        var last = t.Entries[^1];
        Assert.Equal("2026-01-08 08:00", Clock(last));
        Assert.Equal(3, last.CycleDay);
        Assert.Equal(6, last.DoseNumber);
        Assert.Equal(6, last.DoseCount);
        Assert.Equal([1, 2, 3, 4, 5, 6], t.Entries.Select(e => e.DoseNumber!.Value));
        Assert.Equal([1, 1, 2, 2, 3, 3], t.Entries.Select(e => e.CycleDay));
    }

    [Fact]
    public void Q12h_x_6_from_08_00_falls_at_08_and_20_on_days_1_to_3() =>
        Assert.Equal(
            ["2026-01-05 08:00 d1", "2026-01-05 20:00 d1", "2026-01-06 08:00 d2", "2026-01-06 20:00 d2", "2026-01-07 08:00 d3", "2026-01-07 20:00 d3"],
            Clocks("  cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-3"));

    [Fact]
    public void Counted_doses_outside_the_listed_days_are_RL2003()
    {
        string source = Regimen("  cyclophosphamide 300 mg/m2 IV q12h x 8 days 1-3");
        Assert.Null(Expand(source).Timeline);
        var d = Assert.Single(CheckErrors(source));
        Assert.Equal("RL2003", d.Code);
        Assert.Contains("puts dose 7 on day 4", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counted_doses_must_not_skip_an_unlisted_day()
    {
        string source = Regimen("  cytarabine 1 g/m2 IV q12h x 4 days 1, 3");
        Assert.Null(Expand(source).Timeline);
        Assert.Equal("RL2003", Assert.Single(CheckErrors(source)).Code);
    }

    [Fact]
    public void Qod_is_not_expanded()
    {
        var (t, bag) = Expand(Regimen("  prednisone 60 mg PO qod days 1-7"));
        Assert.Null(t);
        Assert.Contains(bag, d => d.Code == "RL6005");
    }

    [Fact]
    public void Continuous_infusion_gives_one_24_hour_entry_per_listed_day()
    {
        var t = ExpandOk(Regimen("  blinatumomab 9 mcg/day CIV days 1-7\n  blinatumomab 28 mcg/day CIV days 8-28", length: 42));
        Assert.Equal(28, t.Entries.Length);
        Assert.All(t.Entries, e => Assert.Equal("24 h", TimelineText.Duration(e)));
        Assert.All(t.Entries, e => Assert.Equal(new TimeOnly(8, 0), e.Time));
        Assert.Equal(651m, t.CycleTotals.Single().Absolute.Amount);   // 9 x 7 + 28 x 21
    }

    [Fact]
    public void Day_outside_the_cycle_is_refused_by_the_evaluator_and_reported_by_the_checker_as_RL2001()
    {
        string source = Regimen("  vincristine 2 mg IV day 28", length: 21);
        var result = RegimenLang.Evaluation.Evaluator.Evaluate(Bind(source), Patient());
        Assert.Null(result.Timeline);
        Assert.True(result.ScheduleRefused);
        // Expansion runs after the check, so this is never printed; the evaluator still never refuses a line in silence.
        Assert.Equal("5:3 RL6010", Assert.Single(result.Diagnostics, d => d.Code == "RL6010") is var d ? $"{d.Span.Line}:{d.Span.Column} {d.Code}" : "");
        Assert.Contains(CheckErrors(source), d => d.Code == "RL2001");
    }

    [Fact]
    public void A_line_timed_from_a_drug_given_twice_that_day_is_refused_with_RL6010_not_left_out()
    {
        string source = Regimen("""
              ondansetron 8 mg IV 30 min before cisplatin day 1
              cisplatin 50 mg/m2 IV day 1
              cisplatin 25 mg/m2 IV day 1 at 14:00
            """);
        var result = RegimenLang.Evaluation.Evaluator.Evaluate(Bind(source), Patient());
        Assert.Null(result.Timeline);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("RL6010", finding.Code);
        Assert.Contains("on day 1 the lines it names give 2 doses", finding.Message, StringComparison.Ordinal);
        Assert.Contains(CheckErrors(source), d => d.Code == "RL2011"); // what the author sees first
    }

    [Fact]
    public void An_oral_dose_pushed_into_the_night_by_a_late_first_dose_time_is_a_warning_and_the_timeline_is_still_made()
    {
        var (timeline, diagnostics) = Expand(Regimen("  mercaptopurine 50 mg PO tid days 1-2"), Patient(time: new TimeOnly(20, 0)));
        Assert.NotNull(timeline);
        Assert.Equal(6, timeline!.Entries.Length);
        var night = Assert.Single(diagnostics.Select(d => (d.Code, d.Severity)).Distinct());
        Assert.Equal(("RL6009", Severity.Warning), night);
        // tid from 20:00 gives 20:00, 02:00 and 08:00: one warning for the line, at its first night dose.
        Assert.Contains("falls at 02:00 on day 1", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
        // Round the clock on purpose: no warning for the 00:00 dose of q8h.
        Assert.Empty(Expand(Regimen("  hydroxyurea 30 mg/kg/day PO divided q8h days 1-2")).Diagnostics);
        // With clock times the protocol means, no warning.
        Assert.Empty(Expand(Regimen("  mercaptopurine 50 mg PO tid days 1-2 at 08:00, 14:00, 20:00"), Patient(time: new TimeOnly(20, 0))).Diagnostics);
    }

    [Fact]
    public void A_phase_block_given_throughout_skips_the_rests_of_its_phase()
    {
        // A rest is treatment-free: no dose, no cycle 0 and no "rest" cycle in the entries or the totals.
        var t = ExpandOk(Regimen("  obinutuzumab 1000 mg IV day 1", length: 7, plan: "induction: A then rest 3 days then A",
            extra: "phase induction {\n  dasatinib 140 mg PO throughout\n}"));
        var dasatinib = t.Entries.Where(e => e.Drug == "dasatinib").ToList();
        Assert.Equal(14, dasatinib.Count);
        Assert.All(dasatinib, e => Assert.True(e.Cycle >= 1 && e.CycleName == "A", $"{e.Date} {e.CycleName}"));
        Assert.DoesNotContain(dasatinib, e => e.PlanDay is >= 8 and <= 10);
        Assert.Equal(1960m, t.PlanTotals.Single(p => p.Drug == "dasatinib").Absolute.Amount);
    }

    [Fact]
    public void Route_alternatives_keep_the_first_as_route_and_all_in_routes()
    {
        var e = ExpandOk(Regimen("  dexamethasone 20 mg IV or PO day 1")).Entries.Single();
        Assert.Equal(RegimenLang.Syntax.Nodes.Route.IV, e.Route);
        Assert.Equal("IV or PO", TimelineText.Routes(e));
    }
}
