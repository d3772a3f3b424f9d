using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Patients;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

public class BodySurfaceAreaAndDosingTests
{
    [Theory]
    [InlineData(170, 72, 1.84)]   // sqrt(3.4) = 1.8439
    [InlineData(180, 80, 2.00)]   // sqrt(4) exactly
    [InlineData(150, 40, 1.29)]   // sqrt(1.6667) = 1.2910
    public void Mosteller_is_rounded_to_two_decimals(int height, int weight, double expected) =>
        Assert.Equal((decimal)expected, BodySurfaceArea.Mosteller(height, weight));

    [Theory]
    [InlineData(170, 72, 1.83)]   // 0.007184 x 170^0.725 x 72^0.425 = 1.8315
    [InlineData(180, 80, 2.00)]   // 1.9964
    public void DuBois_is_rounded_to_two_decimals(int height, int weight, double expected) =>
        Assert.Equal((decimal)expected, BodySurfaceArea.DuBois(height, weight));

    [Theory]
    [InlineData(5, 100, 625)]
    [InlineData(5, 125, 750)]
    [InlineData(5, 140, 750)]    // GFR capped at 125 mL/min
    [InlineData(6, 60, 510)]
    public void Calvert_caps_gfr_at_125(int auc, int gfr, int expected) =>
        Assert.Equal(expected, Dosing.Calvert(auc, gfr));

    [Theory]
    [InlineData(283.4, 5, 285)]
    [InlineData(282.5, 5, 285)]   // a half goes away from zero
    [InlineData(282.49, 5, 280)]
    [InlineData(2.5, 1, 3)]
    [InlineData(-2.5, 1, -3)]
    [InlineData(0.125, 0.25, 0.25)]
    public void Rounding_is_to_the_nearest_multiple_halves_away_from_zero(double value, double step, double expected) =>
        Assert.Equal((decimal)expected, Dosing.RoundToMultiple((decimal)value, (decimal)step));

    [Fact]
    public void Per_m2_dose_uses_bsa_and_keeps_the_prescribed_mass_unit()
    {
        var t = ExpandOk(Regimen("  cytarabine 0.5 g/m2 IV over 2 h day 1"), Patient(bsa: 1.84m));
        var e = Assert.Single(t.Entries);
        Assert.Equal(0.92m, e.Amount);
        Assert.Equal("g", TimelineText.Unit(e));
        Assert.Equal("0.5 g/m2", TimelineText.Prescribed(e));
        Assert.Equal("2 h", TimelineText.Duration(e));
    }

    [Fact]
    public void Per_kg_dose_uses_weight()
    {
        var e = Assert.Single(ExpandOk(Regimen("  cyclophosphamide 5 mg/kg IV day 1"), Patient(weight: 72)).Entries);
        Assert.Equal(360m, e.Amount);
    }

    [Fact]
    public void Auc_dose_uses_calvert_and_reports_the_gfr_cap()
    {
        var e = Assert.Single(ExpandOk(Regimen("  carboplatin AUC 5 IV day 1"), Patient(crcl: 140)).Entries);
        Assert.Equal(750m, e.Amount);
        Assert.Equal("mg", TimelineText.Unit(e));
        Assert.Contains(e.Adjustments, a => TimelineText.Adjustment(a).Contains("125", StringComparison.Ordinal));
    }

    [Fact]
    public void Cap_applies_after_bsa_and_is_recorded()
    {
        var e = Assert.Single(ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg"), Patient(bsa: 1.7m)).Entries);
        Assert.Equal(2m, e.Amount);
        Assert.Equal("capped at 2 mg from 2.38 mg", TimelineText.Adjustment(Assert.Single(e.Adjustments)));
    }

    [Fact]
    public void Cap_that_does_not_bite_leaves_no_adjustment()
    {
        var e = Assert.Single(ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg"), Patient(bsa: 1.2m)).Entries);
        Assert.Equal(1.68m, e.Amount);
        Assert.Empty(e.Adjustments);
    }

    [Fact]
    public void Rounding_comes_before_the_cap()
    {
        var e = Assert.Single(ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 round to 0.5 mg cap 2 mg"), Patient(bsa: 1.65m)).Entries);
        // 2.31 -> rounded 2.5 -> capped 2
        Assert.Equal(2m, e.Amount);
        Assert.Equal(2, e.Adjustments.Length);
        Assert.StartsWith("rounded", TimelineText.Adjustment(e.Adjustments[0]), StringComparison.Ordinal);
        Assert.StartsWith("capped at 2 mg from 2.5 mg", TimelineText.Adjustment(e.Adjustments[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_dose_per_day_gives_the_daily_amount_and_a_rate_cap_caps_it()
    {
        var t = ExpandOk(Regimen("  blinatumomab 15 mcg/m2/day CIV days 1-2 cap 28 mcg/day", length: 42), Patient(bsa: 2.0m));
        Assert.Equal(2, t.Entries.Length);
        Assert.All(t.Entries, e =>
        {
            Assert.Equal(28m, e.Amount);
            Assert.Equal("mcg", TimelineText.Unit(e));
            Assert.Equal("24 h", TimelineText.Duration(e));
            Assert.Equal("capped at 28 mcg/day from 30 mcg/day", TimelineText.Adjustment(Assert.Single(e.Adjustments)));
        });
    }

    [Fact]
    public void Plain_mass_cap_on_a_rate_dose_caps_the_daily_amount()
    {
        var e = ExpandOk(Regimen("  blinatumomab 5 mcg/m2/day CIV day 1 cap 9 mcg", length: 42), Patient(bsa: 2.0m)).Entries[0];
        Assert.Equal(9m, e.Amount);
    }

    [Fact]
    public void Per_hour_rate_is_24_hours_of_infusion_per_day()
    {
        var e = ExpandOk(Regimen("  blinatumomab 1 mcg/h CIV day 1", length: 42)).Entries[0];
        Assert.Equal(24m, e.Amount);
    }

    [Fact]
    public void Cap_per_m2_is_rejected_with_RL6006()
    {
        var (t, bag) = Expand(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg/m2"));
        Assert.Null(t);
        Assert.Contains(bag, d => d.Code == "RL6006");
    }

    [Fact]
    public void Missing_bsa_for_a_per_m2_dose_names_the_flag()
    {
        var (t, bag) = Expand(Regimen("  cytarabine 100 mg/m2 IV day 1"), Patient(height: null, weight: null));
        Assert.Null(t);
        var d = Assert.Single(bag);
        Assert.Equal("RL6001", d.Code);
        Assert.Contains("bsa", d.Message, StringComparison.Ordinal);
        Assert.Contains("--bsa", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_arithmetic_has_no_binary_drift()
    {
        // 0.1 mg x 30 doses is exactly 3 mg (binary floating point would give 3.0000000000000004).
        var t = ExpandOk(Regimen("  dexamethasone 0.1 mg PO daily days 1-30", length: 30));
        Assert.Equal(3m, t.PlanTotals.Single().Absolute.Amount);
    }
}
