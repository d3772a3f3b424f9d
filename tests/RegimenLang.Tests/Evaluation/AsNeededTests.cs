using RegimenLang.Output;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>As-needed doses: <c>prn "reason" (at most N per day)</c>, listed once a day, never in totals, counted at their maximum by the limits.</summary>
public sealed class AsNeededTests
{
    private static readonly string Source = Regimen("""
          irinotecan 180 mg/m2 IV over 90 min day 1
          ondansetron 8 mg PO prn "nausea" (at most 3 per day) days 1-2
          atropine 0.25 mg SC prn "cholinergic syndrome" (at most 1 per day)
        """, length: 7, plan: "main: A x 2");

    [Fact]
    public void A_prn_clause_parses_formats_canonically_and_round_trips()
    {
        string text = Regimen("  ondansetron 8 mg PO  DAYS 1-2 PRN \"nausea\" (AT  MOST 3 PER DAY) note \"x\"");
        var parse = RegimenParser.Parse("t.regimen", text);
        Assert.Empty(parse.Diagnostics);
        var line = Assert.Single(parse.Document.DescendantsAndSelf().OfType<AdministrationLine>());
        Assert.Equal(("nausea", 3), (line.AsNeeded!.Reason.Value, line.AsNeeded.Max!.Value));
        var formatted = RegimenFormatter.Format("t.regimen", text);
        Assert.True(formatted.Succeeded, formatted.InternalError);
        Assert.Equal("  ondansetron 8 mg PO prn \"nausea\" (at most 3 per day) days 1-2 note \"x\"", formatted.Text!.Split('\n').Single(l => l.Contains("ondansetron", StringComparison.Ordinal)));
        Assert.Equal(formatted.Text, RegimenFormatter.Format("t.regimen", formatted.Text!).Text);
        Assert.True(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", formatted.Text!).Document));
    }

    [Theory]
    [InlineData("ondansetron 8 mg PO prn \"nausea\" (at most 0 per day)", "RL0015")]
    [InlineData("ondansetron 8 mg PO prn \"nausea\" (at most 25 per day)", "RL0015")]
    [InlineData("ondansetron 8 mg PO prn \"nausea\" (at most 3)", "RL0001")]
    [InlineData("ondansetron 8 mg PO prn nausea", "RL0001")]
    public void A_broken_prn_is_one_finding(string line, string code)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  " + line));
        Assert.Equal(code, Assert.Single(parse.Diagnostics).Code);
    }

    [Fact]
    public void As_needed_doses_are_listed_once_a_day_and_never_in_totals()
    {
        var timeline = ExpandOk(Source);
        var ondansetron = timeline.Entries.Where(e => e.Drug == "ondansetron").ToList();
        Assert.Equal(4, ondansetron.Count); // days 1-2 of two cycles, once a day
        Assert.All(ondansetron, e => Assert.Equal(("nausea", (int?)3), (e.AsNeeded!.Reason, e.AsNeeded.MaxPerDay)));
        Assert.All(ondansetron, e => Assert.Null(e.DoseNumber));
        Assert.Equal(14, timeline.Entries.Count(e => e.Drug == "atropine")); // no days: every day of each 7-day cycle
        Assert.Equal(["irinotecan"], timeline.PlanTotals.Select(t => t.Drug));
        Assert.DoesNotContain(timeline.CycleTotals, t => t.Drug != "irinotecan");
    }

    [Fact]
    public void The_limits_count_an_as_needed_dose_at_its_maximum_and_say_so()
    {
        var errors = CheckErrors(Source.Replace("cycle A", "limit ondansetron 16 mg per day\ncycle A", StringComparison.Ordinal));
        var finding = Assert.Single(errors, d => d.Code == "RL3003");
        Assert.Contains("24 mg", finding.Message, StringComparison.Ordinal);
        Assert.Contains("as needed at its maximum, 3 a day", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckErrors(Source.Replace("cycle A", "limit ondansetron 24 mg per day\ncycle A", StringComparison.Ordinal)), d => d.Code == "RL3003");
        // Per cycle: 3 a day on 2 days is 48 mg.
        Assert.Contains(CheckErrors(Source.Replace("cycle A", "limit ondansetron 40 mg per cycle\ncycle A", StringComparison.Ordinal)), d => d.Code == "RL3004");
    }

    [Fact]
    public void Every_timeline_format_marks_as_needed_doses()
    {
        var timeline = ExpandOk(Source);
        string Write(string format) => OutputFormats.Find(OutputFormats.Timelines, format).Write(timeline);
        Assert.Contains("as needed: nausea, at most 3 a day (not in totals)", Write("table"), StringComparison.Ordinal);
        Assert.Contains("as needed: nausea, at most 3 a day", Write("md"), StringComparison.Ordinal);
        Assert.Contains("as needed: nausea, at most 3 a day", Write("html"), StringComparison.Ordinal);
        // ICS folds long lines (CRLF and a space): unfolded first.
        Assert.Contains("as needed: nausea\\, at most 3 a day", Write("ics").Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        string csv = Write("csv");
        Assert.EndsWith(",doseLevel,asNeeded,reason,maxPerDay", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains(",true,nausea,3\r\n", csv, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(Write("json"));
        var first = json.RootElement.GetProperty("administrations").EnumerateArray().First(a => a.GetProperty("drug").GetString() == "ondansetron");
        Assert.True(first.GetProperty("asNeeded").GetBoolean());
        Assert.Equal("nausea", first.GetProperty("reason").GetString());
        Assert.Equal(3, first.GetProperty("maxPerDay").GetInt32());
        var irinotecan = json.RootElement.GetProperty("administrations")[0];
        Assert.False(irinotecan.TryGetProperty("asNeeded", out _));
    }
}
