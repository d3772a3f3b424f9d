using RegimenLang.Evaluation;

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
}
