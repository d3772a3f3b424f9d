using System.Diagnostics;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

using RegimenLang.Evaluation;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Evaluation;

public class PlanAndConditionTests
{
    private const string TwoCycles = """
        regimen "Plan test"
        id: plan-test
        cycle A length 21 days {
          vincristine 2 mg IV day 1
          cytarabine 100 mg IT day 2 in cycles 1-2
          methotrexate 12 mg IT day 3 from cycle 3
        }
        cycle B length 14 days {
          prednisone 60 mg PO day 1
        }
        plan {
          first: (A then B) x 2
          gap: rest 2 weeks
          second: A x 3
        }
        """;

    [Fact]
    public void Cycles_follow_one_another_with_phase_and_plan_numbers()
    {
        var t = ExpandOk(TwoCycles);
        var cycles = t.Cycles.Where(c => !c.IsRest).Select(c => $"{c.Phase}/{c.PhaseCycle}/{c.Cycle}/{c.CycleName}@{c.StartDay}").ToArray();
        Assert.Equal(["first/1/1/A@0", "first/2/2/B@21", "first/3/3/A@35", "first/4/4/B@56", "second/1/5/A@84", "second/2/6/A@105", "second/3/7/A@126"], cycles);
        var rest = Assert.Single(t.Cycles, c => c.IsRest);
        Assert.Equal(70, rest.StartDay);
        Assert.Equal(14, rest.LengthDays);
    }

    [Fact]
    public void In_cycles_and_from_cycle_count_within_the_phase()
    {
        var t = ExpandOk(TwoCycles);
        Assert.Equal([(1, 1), (1, 5), (2, 6)], t.Entries.Where(e => e.Drug == "cytarabine").Select(e => (e.PhaseCycle, e.Cycle)));
        Assert.Equal([(3, 3), (3, 7)], t.Entries.Where(e => e.Drug == "methotrexate").Select(e => (e.PhaseCycle, e.Cycle)));
        var first = t.Entries.First(e => e.Drug == "methotrexate");
        Assert.Equal(new DateOnly(2026, 1, 5).AddDays(35 + 2), first.Date);
        Assert.Equal(35 + 3, first.PlanDay);
    }

    [Fact]
    public void Huge_plan_is_refused_from_its_measured_size_without_materialising_it()
    {
        string source = Regimen("  vincristine 2 mg IV day 1", plan: "main: ((A x 1000) x 1000) x 1000");
        var result = Evaluator.Evaluate(Bind(source), Patient());
        Assert.Null(result.Timeline);
        var refusal = Assert.IsType<PlanTooLarge>(result.Refusal);
        Assert.Equal(1_000_000_000m, refusal.Cycles);
        Assert.Equal("RL2009", Assert.Single(CheckErrors(source)).Code);
    }

    [Fact]
    public void More_than_1000_cycles_is_RL2009_and_1000_is_not()
    {
        Assert.Equal("RL2009", Assert.Single(CheckErrors(Regimen("  vincristine 2 mg IV day 1", plan: "main: A x 1001", length: 1))).Code);
        Assert.Null(Expand(Regimen("  vincristine 2 mg IV day 1", plan: "main: A x 1001", length: 1)).Timeline);
        Assert.NotNull(Expand(Regimen("  vincristine 2 mg IV day 1", plan: "main: A x 1000", length: 1)).Timeline);
    }

    [Fact]
    public void More_than_100_years_is_RL2009() =>
        Assert.Equal("RL2009", Assert.Single(CheckErrors(Regimen("  vincristine 2 mg IV day 1", plan: "main: A then rest 40000 days"))).Code);

    private static string Conditional(string condition) =>
        Regimen($"  vincristine 2 mg IV day 1 when {condition}", extra: "input cd20: percent \"CD20\"\ninput ph: flag \"Ph+\"");

    [Theory]
    [InlineData("cd20 >= 20%", true)]
    [InlineData("cd20 < 20%", false)]
    [InlineData("ph", false)]
    [InlineData("not ph", true)]
    [InlineData("age >= 60", false)]
    [InlineData("age < 60 and cd20 >= 20%", true)]
    [InlineData("age >= 60 or cd20 >= 20%", true)]
    [InlineData("age >= 60 or (ph and cd20 >= 20%)", false)]
    [InlineData("weight < 45 kg", false)]
    [InlineData("sex = female", true)]
    [InlineData("sex != female", false)]
    public void When_conditions_are_evaluated_on_the_patient(string condition, bool given)
    {
        var patient = Patient(age: 54, sex: "female", inputs: [("cd20", null, 35m), ("ph", false, null)]);
        var t = ExpandOk(Conditional(condition), patient);
        Assert.Equal(given ? 1 : 0, t.Entries.Length);
    }

    [Fact]
    public void A_condition_needing_a_missing_fact_is_an_error_naming_the_flag()
    {
        var (t, bag) = Expand(Conditional("cd20 >= 20%"), Patient());
        Assert.Null(t);
        var d = Assert.Single(bag);
        Assert.Equal("RL6001", d.Code);
        Assert.Contains("cd20", d.Message, StringComparison.Ordinal);
        Assert.Contains("--set cd20=", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fact_is_reported_even_when_another_branch_would_decide()
    {
        // age >= 60 is false for this patient, but crcl is still needed to read the condition: nothing is assumed.
        var (t, bag) = Expand(Conditional("age >= 60 and crcl < 50"), Patient(age: 54));
        Assert.Null(t);
        Assert.Contains("--crcl", Assert.Single(bag).Message, StringComparison.Ordinal);
    }
}
