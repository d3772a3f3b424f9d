using RegimenLang.Output;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

public class TimelineWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_as_rfc_4180_says(string field, string expected) =>
        Assert.Equal(expected, TimelineCsvWriter.Quote(field));

    [Fact]
    public void Csv_has_a_header_and_one_row_per_administration_with_crlf()
    {
        var t = ExpandOk(Regimen("  methotrexate 12 mg IT day 2 note \"with hydration, then leucovorin\""));
        string csv = TimelineCsvWriter.Write(t);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Equal("2026-01-06,2,main,1,1,A,2,08:00,methotrexate,IT,IT,12 mg,12,mg,,,,,\"with hydration, then leucovorin\",5,,,,,,,,,", rows[1]);
        Assert.EndsWith(",line,durationMinutes,endDate,endTime,anchor,dividedInto,rampStep,doseLevel,status,recorded", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shows_rest_periods_cycle_headings_and_totals()
    {
        var t = ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg", plan: "main: A then rest 2 weeks then A"), Patient(bsa: 2.0m));
        string table = TimelineTableWriter.Write(t);
        Assert.Contains("== main 1 (plan cycle 1): A \"Cycle A\", 21 days (2026-01-05 to 2026-01-25)", table, StringComparison.Ordinal);
        Assert.Contains("== main: rest, 14 days (2026-01-26 to 2026-02-08)", table, StringComparison.Ordinal);
        Assert.Contains("== main 2 (plan cycle 2): A \"Cycle A\", 21 days (2026-02-09 to 2026-03-01)", table, StringComparison.Ordinal);
        Assert.Contains("[capped at 2 mg from 2.8 mg]", table, StringComparison.Ordinal);
        Assert.Contains("vincristine  4 mg (prescribed 2.8 mg/m2; 2 administrations)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_heading_says_when_its_doses_fall_outside_its_days()
    {
        // Doses on day -1 and a 46 h pump from day 21 fall before and after the cycle's own dates: the heading says so.
        var t = ExpandOk(Regimen("  dexamethasone 8 mg PO day -1\n  fluorouracil 2400 mg/m2 CIV over 46 h day 21"), Patient(bsa: 2.0m));
        string table = TimelineTableWriter.Write(t);
        Assert.Contains("== main 1 (plan cycle 1): A \"Cycle A\", 21 days (2026-01-05 to 2026-01-25; doses from 2026-01-03, day -1; runs until 2026-01-27 06:00)",
            table, StringComparison.Ordinal);
        Assert.Contains("(2026-01-05 to 2026-01-25; doses from", TimelineMarkdownWriter.Write(t), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_a_table_per_cycle()
    {
        string md = TimelineMarkdownWriter.Write(ExpandOk(Regimen("  vincristine 2 mg IV days 1, 8")));
        Assert.StartsWith("# Test regimen", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-01-12 | 08:00 | day 8 | vincristine | IV | 2 mg | 2 mg |", md, StringComparison.Ordinal);
    }
}
