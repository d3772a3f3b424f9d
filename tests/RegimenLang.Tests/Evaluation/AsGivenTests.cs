using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>The treatment as given (<c>given:</c> in the patient file): delays, changes from a cycle on, recorded doses, as-of.</summary>
public sealed class AsGivenTests
{
    private static readonly string Doxorubicin = Regimen("""
          doxorubicin 60 mg/m2 IV day 1
          cyclophosphamide 600 mg/m2 IV day 1
        """, plan: "main: A x 4", length: 21,
        extra: "levels doxorubicin { 0: 60 mg/m2, -1: 45 mg/m2, -2: omit }");

    private static (Patient? Patient, List<Diagnostic> Problems) Read(string given, string regimen)
    {
        var bag = new DiagnosticBag("p.yaml");
        var draft = PatientFileLoader.Load("bsa: 2\nstart: 2026-01-05\n" + given, bag);
        var problems = new List<Diagnostic>(bag.Items);
        var patient = draft is null ? null : PatientBuilder.Build(draft, new PatientOptions(BsaFormula.Mosteller, null, Start), Bind(regimen), problems);
        return (problems.Count == 0 ? patient : null, problems);
    }

    private static Patient Given(string given)
    {
        var (patient, problems) = Read(given, Doxorubicin);
        Assert.True(patient is not null, string.Join("\n", problems));
        return patient!;
    }

    [Fact]
    public void A_delay_moves_the_cycle_and_every_one_after_it()
    {
        var timeline = ExpandOk(Doxorubicin, Given("given:\n  delays:\n    - cycle: 2\n      days: 7\n"));
        var days = timeline.Entries.Where(e => e.Drug == "doxorubicin").Select(e => e.PlanDay).ToList();
        Assert.Equal([1, 29, 50, 71], days);
        Assert.Equal(new DateOnly(2026, 2, 2), timeline.Entries.First(e => e.Cycle == 2).Date);
    }

    [Fact]
    public void A_change_of_level_applies_from_its_cycle_on_and_an_omitting_level_leaves_the_drug_out()
    {
        var timeline = ExpandOk(Doxorubicin, Given("given:\n  changes:\n    - drug: doxorubicin\n      fromCycle: 2\n      level: -1\n    - drug: doxorubicin\n      fromCycle: 4\n      level: -2\n"));
        var doxorubicin = timeline.Entries.Where(e => e.Drug == "doxorubicin").ToList();
        Assert.Equal([120m, 90m, 90m], doxorubicin.Select(e => e.Amount));
        Assert.Equal([0, -1, -1], doxorubicin.Select(e => e.DoseLevel!.Value));
        Assert.Equal(4, timeline.Entries.Count(e => e.Drug == "cyclophosphamide"));
    }

    [Fact]
    public void A_stopped_drug_and_a_dose_not_given_are_left_out_and_a_recorded_amount_replaces_the_computed_one()
    {
        var timeline = ExpandOk(Doxorubicin, Given("""
            given:
              changes:
                - drug: cyclophosphamide
                  fromCycle: 3
                  stop: true
              doses:
                - drug: doxorubicin
                  cycle: 1
                  day: 1
                  given: 100 mg
                - drug: doxorubicin
                  cycle: 2
                  day: 1
                  given: none
            """));
        Assert.Equal(2, timeline.Entries.Count(e => e.Drug == "cyclophosphamide"));
        var doxorubicin = timeline.Entries.Where(e => e.Drug == "doxorubicin").ToList();
        Assert.Equal([1, 3, 4], doxorubicin.Select(e => e.Cycle));
        Assert.Equal(100m, doxorubicin[0].Amount);
        Assert.True(doxorubicin[0].Recorded);
        Assert.False(doxorubicin[1].Recorded);
        var total = Assert.Single(timeline.PlanTotals, t => t.Drug == "doxorubicin");
        Assert.Equal(340m, total.Absolute.Amount);
    }

    [Fact]
    public void As_of_a_date_entries_are_given_up_to_it_and_planned_after_it()
    {
        var timeline = ExpandOk(Doxorubicin, Given("given:\n  asOf: 2026-01-26\n"));
        Assert.Equal([EntryStatus.Given, EntryStatus.Given, EntryStatus.Planned, EntryStatus.Planned],
            timeline.Entries.Where(e => e.Drug == "doxorubicin").Select(e => e.Status!.Value));
        Assert.All(ExpandOk(Doxorubicin).Entries, e => Assert.Null(e.Status));
    }

    [Theory]
    [InlineData("given:\n  delays:\n    - cycle: 0\n      days: 7\n", "RL6031", "the cycle of a delay is a whole number from 1 to 1000, not '0'")]
    [InlineData("given:\n  delays:\n    - cycle: 2\n", "RL6031", "a delay needs 'days'")]
    [InlineData("given:\n  changes:\n    - drug: doxorubicin\n      fromCycle: 2\n", "RL6031", "gives a level or 'stop: true', one of them")]
    [InlineData("given:\n  changes:\n    - drug: doxorubicin\n      fromCycle: 2\n      level: -5\n", "RL6031", "level -5 is not a level of doxorubicin (its levels are 0, -1, -2)")]
    [InlineData("given:\n  changes:\n    - drug: cyclophosphamide\n      fromCycle: 2\n      level: -1\n", "RL6031", "(the regimen gives it no dose levels)")]
    [InlineData("given:\n  doses:\n    - drug: vincristine\n      cycle: 1\n      day: 1\n      given: 2 mg\n", "RL6031", "'vincristine' is not a drug of this regimen")]
    [InlineData("given:\n  doses:\n    - drug: doxorubicin\n      cycle: 1\n      day: 1\n      given: 60 mg/m2\n", "RL6031", "'60 mg/m2' is not an amount given")]
    [InlineData("given:\n  asOf: someday\n", "RL6002", "asOf: 'someday' is not a date")]
    public void A_record_that_cannot_be_read_is_reported_at_its_line(string given, string code, string words)
    {
        var (patient, problems) = Read(given, Doxorubicin);
        Assert.Null(patient);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Span.Line >= 3, problem.ToString());
    }

    [Theory]
    [InlineData("given:\n  delays:\n    - cycle: 9\n      days: 7\n", "the plan has 4 cycles: cycle 9 is not in it")]
    [InlineData("given:\n  doses:\n    - drug: doxorubicin\n      cycle: 2\n      day: 8\n      given: 50 mg\n", "no doxorubicin dose is planned on day 8 of cycle 2")]
    public void A_record_the_plan_has_no_place_for_is_RL6032_and_no_timeline(string given, string words)
    {
        var (timeline, diagnostics) = Expand(Doxorubicin, Given(given));
        Assert.Null(timeline);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("RL6032", problem.Code);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        Assert.Equal("p.yaml", problem.File);
    }

    [Fact]
    public void The_checker_counts_the_exposure_given_plus_what_remains()
    {
        // 4 x 60 mg/m2 at BSA 2 is 480 mg; two cycles recorded at 300 mg each make 300 + 300 + 120 + 120 = 840 mg,
        // over doxorubicin's lifetime maximum (550 mg/m2, 1100 mg at BSA 2) only with the prior exposure.
        var patient = Given("""
            given:
              doses:
                - drug: doxorubicin
                  cycle: 1
                  day: 1
                  given: 300 mg
                - drug: doxorubicin
                  cycle: 2
                  day: 1
                  given: 300 mg
            """) with { Prior = [new PriorExposure("doxorubicin", new RegimenLang.Syntax.Nodes.AmountDose(
                new RegimenLang.Syntax.Nodes.NumberLiteral(150m, "150", default), Unit("mg/m2"), default))] };
        var findings = RegimenLang.Tests.Support.Parsing.Check(Doxorubicin).Check(patient).Select(d => d.Code).ToList();
        Assert.Contains("RL3005", findings);
        var planned = RegimenLang.Tests.Support.Parsing.Check(Doxorubicin).Check(Patient(bsa: 2m) with { Prior = patient.Prior }).Select(d => d.Code).ToList();
        Assert.DoesNotContain("RL3005", planned);
    }

    private static RegimenLang.Syntax.Nodes.DoseUnit Unit(string text)
    {
        Assert.True(RegimenLang.Syntax.Parsing.QuantityText.TryParseDose("1 " + text, out var dose, out _));
        return dose!.Unit;
    }
}
