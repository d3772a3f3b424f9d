using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>
/// <c>until</c> on administration lines: a lab-driven duration (the expected days shown, the longest counted) and a dose change
/// on an event (the first dose before the date the patient file gives the event, the second from it on).
/// </summary>
public sealed class UntilTests
{
    private static readonly string Source = Regimen("""
          cyclophosphamide 750 mg/m2 IV over 1 h day 1
          filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 5 days, at most 14 days)
          ponatinib 30 mg PO daily days 1-28 until cmr then 15 mg
        """, length: 28, plan: "main: A x 2");

    private static (Patient? Patient, List<Diagnostic> Problems) Read(string yaml)
    {
        var bag = new DiagnosticBag("p.yaml");
        var draft = PatientFileLoader.Load("bsa: 2\nweight: 70 kg\nstart: 2026-01-05\n" + yaml, bag);
        var problems = new List<Diagnostic>(bag.Items);
        var patient = draft is null ? null : PatientBuilder.Build(draft, new PatientOptions(BsaFormula.Mosteller, null, Start), Bind(Source), problems);
        return (problems.Count == 0 ? patient : null, problems);
    }

    [Theory]
    [InlineData("  filgrastim 5 mcg/kg SC DAILY UNTIL anc>=1.0 (EXPECT 5 DAY,AT MOST 14 DAY) day 8",
        "  filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 5 days, at most 14 days)")]
    [InlineData("  ponatinib 30 mg PO UNTIL cmr THEN 15 mg daily days 1-28 when age > 60",
        "  ponatinib 30 mg PO daily days 1-28 until cmr then 15 mg when age > 60")]
    [InlineData("  filgrastim 5 mcg/kg SC daily until anc >= 1.0 (at most 14 days) FROM  DAY 8",
        "  filgrastim 5 mcg/kg SC daily from day 8 until anc >= 1.0 (at most 14 days)")]
    [InlineData("  filgrastim 5 mcg/kg SC daily day 8 until progression (at most 7 days)",
        "  filgrastim 5 mcg/kg SC daily day 8 until progression (at most 7 days)")]
    public void Both_forms_parse_format_canonically_and_round_trip(string written, string canonical)
    {
        string text = Regimen(written, length: 28);
        var parse = RegimenParser.Parse("t.regimen", text);
        Assert.Empty(parse.Diagnostics);
        Assert.NotNull(Assert.Single(parse.Document.DescendantsAndSelf().OfType<AdministrationLine>()).Until);
        var formatted = RegimenFormatter.Format("t.regimen", text);
        Assert.True(formatted.Succeeded, formatted.InternalError);
        Assert.Equal(canonical, formatted.Text!.Split('\n').Single(l => l.Contains("until", StringComparison.Ordinal)));
        Assert.Equal(formatted.Text, RegimenFormatter.Format("t.regimen", formatted.Text!).Text);
        Assert.True(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", formatted.Text!).Document));
    }

    [Theory]
    [InlineData("filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (at most 0 days)", "RL0015")]
    [InlineData("filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (at most 1.5 days)", "RL0015")]
    [InlineData("filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (at most 14)", "RL0001")]
    [InlineData("filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0", "RL0001")]
    [InlineData("ponatinib 30 mg PO daily days 1-28 until cmr then", "RL0001")]
    public void A_broken_until_is_one_finding(string line, string code)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  " + line, length: 28));
        Assert.StartsWith(code[..4], Assert.Single(parse.Diagnostics).Code);
    }

    [Fact]
    public void A_lab_driven_duration_shows_its_expected_days_marked_open_ended()
    {
        var timeline = ExpandOk(Source);
        var filgrastim = timeline.Entries.Where(e => e.Drug == "filgrastim").ToList();
        Assert.Equal([8, 9, 10, 11, 12, 8, 9, 10, 11, 12], filgrastim.Select(e => e.CycleDay));
        Assert.Equal([1, 2, 3, 4, 5], filgrastim.Take(5).Select(e => e.Until!.Day));
        Assert.All(filgrastim, e => Assert.Equal(("anc >= 1.0", (int?)5, 14), (e.Until!.Condition, e.Until.Expected, e.Until.AtMost)));
        Assert.Contains("\"openEnded\": true", JsonTreeWriter.Write(TimelineTreeBuilder.Build(timeline)), StringComparison.Ordinal);
        Assert.Contains(",until\r\n", TimelineCsvWriter.Write(timeline), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_and_orders_timed_from_a_lab_driven_duration_follow_the_days_shown()
    {
        var timeline = ExpandOk(Source.Replace("  ponatinib",
            "  acetaminophen 1000 mg PO 30 min before filgrastim\n  order \"CBC\" 1 h before filgrastim\n  ponatinib", StringComparison.Ordinal));
        // Shown for the expected 5 days of filgrastim (days 8-12), not the 14 its longest course lists.
        Assert.Equal([8, 9, 10, 11, 12], timeline.Entries.Where(e => e.Drug == "acetaminophen" && e.Cycle == 1).Select(e => e.CycleDay));
        Assert.Equal([8, 9, 10, 11, 12], timeline.Orders.Where(o => o.CycleIndex == 0).Select(o => o.CycleDay));
    }

    [Fact]
    public void Without_expect_the_timeline_shows_the_longest_course()
    {
        var timeline = ExpandOk(Source.Replace("(expect 5 days, at most 14 days)", "(at most 3 days)", StringComparison.Ordinal));
        Assert.Equal([8, 9, 10], timeline.Entries.Where(e => e.Drug == "filgrastim" && e.Cycle == 1).Select(e => e.CycleDay));
    }

    [Fact]
    public void From_day_is_the_same_first_day()
    {
        var written = ExpandOk(Source.Replace("daily day 8 until", "daily from day 8 until", StringComparison.Ordinal));
        Assert.Equal(ExpandOk(Source).Entries.Select(e => (e.When, e.Drug, e.Amount)), written.Entries.Select(e => (e.When, e.Drug, e.Amount)));
    }

    [Fact]
    public void Without_the_event_the_first_dose_is_given_and_marked_until_the_event()
    {
        var ponatinib = ExpandOk(Source).Entries.Where(e => e.Drug == "ponatinib").ToList();
        Assert.Equal(56, ponatinib.Count);
        Assert.All(ponatinib, e => Assert.Equal(30m, e.Amount));
        Assert.All(ponatinib, e => Assert.Equal(new RegimenLang.Evaluation.EntryDoseChange("cmr", "15 mg", null, false), e.DoseChange));
    }

    [Fact]
    public void A_dated_event_switches_the_dose_from_that_date_on()
    {
        var (patient, problems) = Read("events:\n  cmr: 2026-01-15\n");
        Assert.True(patient is not null, string.Join("\n", problems));
        var ponatinib = ExpandOk(Source, patient).Entries.Where(e => e.Drug == "ponatinib").ToList();
        Assert.Equal(10, ponatinib.Count(e => e.Amount == 30m)); // 2026-01-05 to 2026-01-14
        Assert.Equal(46, ponatinib.Count(e => e.Amount == 15m));
        Assert.All(ponatinib, e => Assert.Equal(e.Amount == 15m, e.DoseChange!.After));
        Assert.Equal(new DateOnly(2026, 1, 15), ponatinib.First(e => e.DoseChange!.After).Date);
    }

    [Theory]
    [InlineData("events:\n  mmr: 2026-01-15\n", "'mmr' is not an event of this regimen")]
    [InlineData("events:\n  cmr: soon\n", "not a date")]
    public void A_bad_event_is_an_RL6002_at_its_line(string yaml, string message)
    {
        var (_, problems) = Read(yaml);
        var problem = Assert.Single(problems);
        Assert.Equal(("RL6002", 5), (problem.Code, problem.Span.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_counts_a_lab_driven_duration_at_its_longest_and_says_so()
    {
        var errors = CheckErrors(Source.Replace("cycle A", "limit filgrastim 50 mcg/kg per cycle\ncycle A", StringComparison.Ordinal));
        var error = Assert.Single(errors, e => e.Code == "RL3004");
        Assert.Contains("70 mcg/kg (counting filgrastim until anc >= 1.0 at its longest, 14 days)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_checks_the_dose_after_the_event_and_names_it()
    {
        var errors = CheckErrors(Source.Replace("then 15 mg", "then 60 mg", StringComparison.Ordinal)
            .Replace("cycle A", "limit ponatinib 45 mg per day\ncycle A", StringComparison.Ordinal));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("RL3003", e.Code));
        Assert.All(errors, e => Assert.Contains("60 mg on plan day 1 (day 1 of cycle 'A') (when after cmr)", e.Message, StringComparison.Ordinal));
    }
}
