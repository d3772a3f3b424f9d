using RegimenLang.Evaluation;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>A drug's cumulative figures with a prior exposure: sums only of like units.</summary>
public sealed class DrugTotalTests
{
    private static DrugTotal Total(Quantity prior, int administrations = 3) =>
        new(null, "doxorubicin", new Quantity(270m, "mg"), administrations == 0 ? [] : [new Quantity(150m, "mg/m2")], prior, new Quantity(300m, "mg"), administrations);

    [Fact]
    public void A_prior_in_the_plan_unit_adds_to_the_plan_total() =>
        Assert.Equal(new Quantity(250m, "mg/m2"), Total(new Quantity(100m, "mg/m2")).CumulativePrescribed);

    [Fact]
    public void A_prior_in_another_unit_has_no_prescribed_sum_but_the_absolute_one_adds_up()
    {
        var total = Total(new Quantity(300m, "mg"));
        Assert.Null(total.CumulativePrescribed);
        Assert.Equal(new Quantity(570m, "mg"), total.CumulativeAbsolute);
    }

    [Fact]
    public void A_prior_of_a_drug_the_plan_does_not_give_is_its_own_cumulative() =>
        Assert.Equal(new Quantity(300m, "mg"), Total(new Quantity(300m, "mg"), administrations: 0).CumulativePrescribed);

    [Fact]
    public void Intrathecal_doses_are_totalled_apart_from_systemic_ones()
    {
        // 12 mg IT twice is local exposure: not part of the 1 g/m2 IV total (prescribed 1000 mg/m2, 1840 mg at BSA 1.84).
        var t = ExpandOk(Regimen("  methotrexate 1000 mg/m2 IV over 24 h day 1 as hd-mtx\n  methotrexate 12 mg IT days 1, 8\n  leucovorin 15 mg IV q6h x 8 from 36 h after hd-mtx starts"),
            Patient(bsa: 1.84m));
        var systemic = Assert.Single(t.PlanTotals, p => p.Drug == "methotrexate" && !p.Intrathecal);
        var intrathecal = Assert.Single(t.PlanTotals, p => p.Drug == "methotrexate" && p.Intrathecal);
        Assert.Equal(1840m, systemic.Absolute.Amount);
        Assert.Equal(24m, intrathecal.Absolute.Amount);
        Assert.Equal("methotrexate IT", intrathecal.Label);
        Assert.Equal(2, t.CycleTotals.Count(c => c.Drug == "methotrexate"));
    }

    [Fact]
    public void A_limit_without_a_route_sums_systemic_doses_only_but_caps_every_administration()
    {
        string Lines(string it) => "  methotrexate 1000 mg/m2 IV over 24 h day 1 as hd-mtx\n  methotrexate " + it + " IT days 1, 8\n  leucovorin 15 mg IV q6h x 8 from 36 h after hd-mtx starts";
        const string Limits = "limit methotrexate 1000 mg/m2 per cycle\nlimit methotrexate 100 mg per administration";
        Assert.DoesNotContain(CheckErrors(Regimen(Lines("12 mg"), extra: Limits)), d => d.Code is "RL3004" or "RL3002");
        Assert.Contains(CheckErrors(Regimen(Lines("120 mg"), extra: Limits)), d => d.Code == "RL3002");
    }
}
