using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Non-drug orders: <c>order "text"</c> lines placed by days, clock times or a timing; shown in every format, never counted as doses.</summary>
public sealed class OrderTests
{
    private static readonly string Source = Regimen("""
          order "CBC" days 1, 8 at 07:00
          methotrexate 1 g/m2 IV over 24 h day 1 as mtx
          leucovorin 15 mg IV q6h x 8 from 24 h after mtx starts
          order "methotrexate level" 24 h, 48 h, 72 h after mtx starts note "leucovorin by level"
          order "lumbar puncture" day 2 when age >= 60
        """, plan: "main: A x 2");

    [Fact]
    public void An_order_line_parses_formats_canonically_and_round_trips()
    {
        string text = Regimen("""
              ORDER  "a \"quoted\" level"   NOTE "x"  24 h ,48 h after   mtx STARTS
              methotrexate 1 g/m2 IV over 24 h day 1 as mtx
              order "CBC" at 7:00 days 1,8 in cycles 1-2
            """);
        var parse = RegimenParser.Parse("t.regimen", text);
        Assert.Empty(parse.Diagnostics);
        var orders = parse.Document.DescendantsAndSelf().OfType<OrderLine>().ToList();
        Assert.Equal(2, orders.Count);
        Assert.Equal("a \"quoted\" level", orders[0].Text.Value);
        Assert.Equal([1440m, 2880m], orders[0].Timing!.OffsetMinutes);
        var formatted = RegimenFormatter.Format("t.regimen", text);
        Assert.True(formatted.Succeeded, formatted.InternalError);
        Assert.Contains("  order \"a \\\"quoted\\\" level\" 24 h, 48 h after mtx starts note \"x\"\n", formatted.Text, StringComparison.Ordinal);
        Assert.Contains("  order \"CBC\" days 1, 8 at 07:00 in cycles 1-2\n", formatted.Text, StringComparison.Ordinal);
        Assert.Equal(formatted.Text, RegimenFormatter.Format("t.regimen", formatted.Text!).Text);
        Assert.True(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", formatted.Text!).Document));
    }

    [Theory]
    [InlineData("order \"CBC\" days 1 days 2", "RL0011")]
    [InlineData("order \"level\" 0 h after methotrexate", "RL0015")]
    [InlineData("order \"level\" 8 days after methotrexate", "RL0015")]
    [InlineData("order \"CBC\" at 25:00 day 1", "RL0015")]
    [InlineData("order \"CBC\" daily day 1", "RL0001")]
    [InlineData("order \"CBC\" day", "RL0001")]
    public void A_broken_order_is_one_finding_at_its_place(string line, string code)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  methotrexate 1 g/m2 IV day 1\n  " + line));
        var finding = Assert.Single(parse.Diagnostics);
        Assert.Equal(code, finding.Code);
        Assert.Equal(6, finding.Span.Line);
    }

    [Fact]
    public void Orders_are_placed_by_days_clock_times_and_offsets_from_their_anchor()
    {
        var timeline = ExpandOk(Source, Patient(age: 54));
        var first = timeline.Orders.Where(o => o.CycleIndex == 0).Select(o => $"{o.When:yyyy-MM-dd HH:mm} day {o.CycleDay} {o.Text}").ToList();
        Assert.Equal(
        [
            "2026-01-05 07:00 day 1 CBC",
            "2026-01-06 08:00 day 2 methotrexate level",
            "2026-01-07 08:00 day 3 methotrexate level",
            "2026-01-08 08:00 day 4 methotrexate level",
            "2026-01-12 07:00 day 8 CBC",
        ], first);
        var level = timeline.Orders.First(o => o.Text == "methotrexate level");
        Assert.Equal("mtx", level.Anchor!.Label);
        Assert.Equal(1440m, level.Anchor.Offset!.TotalMinutes);
        Assert.Equal(10, timeline.Orders.Length);
        // The lumbar puncture's condition holds for a patient of 60, not of 54.
        Assert.Equal(2, ExpandOk(Source, Patient(age: 60)).Orders.Count(o => o.Text == "lumbar puncture"));
    }

    [Fact]
    public void Weekdays_keeps_an_orders_days_that_fall_monday_to_friday_for_the_start_date()
    {
        string text = Regimen("""
              order   "cranial irradiation 18 Gy in 10 fractions"  ( WEEKDAYS )  days 1-12
              methotrexate 12 mg IT day 1
            """);
        var parse = RegimenParser.Parse("t.regimen", text);
        Assert.Empty(parse.Diagnostics);
        Assert.NotNull(parse.Document.DescendantsAndSelf().OfType<OrderLine>().Single().Weekdays);
        var formatted = RegimenFormatter.Format("t.regimen", text);
        Assert.True(formatted.Succeeded, formatted.InternalError);
        Assert.Contains("  order \"cranial irradiation 18 Gy in 10 fractions\" days 1-12 (weekdays)\n", formatted.Text, StringComparison.Ordinal);
        Assert.True(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", formatted.Text!).Document));
        // Without (weekdays) the same days give twelve orders: the clause is what leaves the weekend out.
        Assert.False(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", text.Replace("( WEEKDAYS )", "", StringComparison.Ordinal)).Document));

        // From a Monday (2026-01-05): days 1-5 and 8-12, ten fractions.
        var monday = ExpandOk(text).Orders.Where(o => o.CycleIndex == 0).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 8, 9, 10, 11, 12], monday.Select(o => o.CycleDay));
        Assert.All(monday, o => Assert.True(o.When.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        // From a Wednesday the weekend falls on days 4-5 and 11-12.
        var wednesday = ExpandOk(text, Patient() with { Start = new DateOnly(2026, 1, 7) }).Orders.Where(o => o.CycleIndex == 0).ToList();
        Assert.Equal([1, 2, 3, 6, 7, 8, 9, 10], wednesday.Select(o => o.CycleDay));
        Assert.Equal(12, ExpandOk(text.Replace("( WEEKDAYS )", "", StringComparison.Ordinal)).Orders.Count(o => o.CycleIndex == 0));
    }

    [Theory]
    [InlineData("order \"CBC\" 24 h after methotrexate (weekdays)", true)]
    [InlineData("order \"CBC\" days 1-5 (weekdays)", false)]
    public void Weekdays_goes_with_days_not_with_a_timing(string line, bool reported)
    {
        var errors = CheckErrors(Regimen("  methotrexate 12 mg IT day 1\n  " + line));
        Assert.Equal(reported, errors.Any(d => d.Code == "RL2040" && d.Message.Contains("'(weekdays)' cannot be used with '24 h after methotrexate'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("order \"CBC\" days 1-5 (weekdays) (weekdays)", "RL0011")]
    [InlineData("order \"CBC\" days 1-5 (weekday)", "RL0001")]
    [InlineData("order \"CBC\" days 1-5 (weekdays", "RL0001")]
    public void A_broken_weekdays_clause_is_one_finding(string line, string code)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  methotrexate 12 mg IT day 1\n  " + line));
        Assert.Equal(code, Assert.Single(parse.Diagnostics).Code);
    }

    [Fact]
    public void Orders_are_never_doses()
    {
        var with = ExpandOk(Source);
        var without = ExpandOk(string.Join("\n", Source.Split('\n').Where(l => !l.TrimStart().StartsWith("order", StringComparison.Ordinal))));
        Assert.Equal(without.Entries.Length, with.Entries.Length);
        Assert.Equal(without.PlanTotals.Select(t => (t.Label, t.Absolute, t.Administrations)), with.PlanTotals.Select(t => (t.Label, t.Absolute, t.Administrations)));
        Assert.Empty(without.Orders);
    }

    [Fact]
    public void Every_timeline_format_shows_the_orders()
    {
        var timeline = ExpandOk(Source);
        string Write(string format) => OutputFormats.Find(OutputFormats.Timelines, format).Write(timeline);

        Assert.Contains("07:00  day 1  order: CBC  (line 5)", Write("table"), StringComparison.Ordinal);
        Assert.Contains("| 2026-01-06 | 08:00 | day 2 | order: methotrexate level |", Write("md"), StringComparison.Ordinal);
        string csv = Write("csv");
        Assert.EndsWith(",doseLevel,kind,order\r\n", csv.Split("\r\n")[0] + "\r\n", StringComparison.Ordinal);
        Assert.Contains("2026-01-06,2,main,1,1,A,2,08:00,,,,,,,,,,,leucovorin by level,8,,,,24 h after mtx starts,,,,order,methotrexate level\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(timeline.Orders.Length, csv.Split("\r\n").Count(l => l.EndsWith(",order,CBC", StringComparison.Ordinal) || l.Contains(",order,methotrexate level", StringComparison.Ordinal)));
        string ics = Write("ics");
        Assert.Equal(timeline.Entries.Length + timeline.Orders.Length, ics.Split("\r\n").Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains("SUMMARY:order: methotrexate level", ics, StringComparison.Ordinal);
        string html = Write("html");
        Assert.Contains("<th scope=\"row\" class=\"drug\">order: CBC</th>", html, StringComparison.Ordinal);
        Assert.Equal(timeline.Orders.Length, System.Text.RegularExpressions.Regex.Count(html, "data-kind=\"order\""));
        Assert.Contains("<td>order: methotrexate level</td>", html, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(Write("json"));
        var orders = json.RootElement.GetProperty("orders");
        Assert.Equal(timeline.Orders.Length, orders.GetArrayLength());
        Assert.All(orders.EnumerateArray(), o => Assert.Equal("order", o.GetProperty("kind").GetString()));
        Assert.Equal(2880, orders[2].GetProperty("anchor").GetProperty("offsetMinutes").GetInt32());
        Assert.Contains("\n- kind: order\n", Write("yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeline_without_orders_keeps_the_contract_as_it_was()
    {
        var timeline = ExpandOk(Regimen("  methotrexate 1 g/m2 IV over 24 h day 1"));
        Assert.DoesNotContain("\"orders\"", OutputFormats.Find(OutputFormats.Timelines, "json").Write(timeline), StringComparison.Ordinal);
        Assert.EndsWith(",doseLevel", OutputFormats.Find(OutputFormats.Timelines, "csv").Write(timeline).Split("\r\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_timed_from_a_name_no_line_gives_is_RL1021_and_orders_are_not_anchors()
    {
        var unknown = CheckErrors(Regimen("  methotrexate 1 g/m2 IV day 1\n  order \"level\" 24 h after mtxx starts"));
        Assert.Contains(unknown, d => d.Code == "RL1021" && d.Message.Contains("'mtxx'", StringComparison.Ordinal));
        var fromOrder = CheckErrors(Regimen("  order \"CBC\" day 1\n  ondansetron 8 mg IV 30 min before CBC"));
        Assert.Contains(fromOrder, d => d.Code == "RL1021");
    }
}
