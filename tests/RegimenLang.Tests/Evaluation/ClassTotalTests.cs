using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Parsing;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>
/// Class totals of a timeline (anthracyclines in doxorubicin-equivalents): counted from the timeline's own entries with the
/// formulary's confirmed factors, systemic doses only, with prior exposure and the class's lifetime limit, and in step with
/// the checker's class limit rule (RL3013), which uses the same conversions.
/// </summary>
public sealed class ClassTotalTests
{
    private const string Mixed = "  doxorubicin 50 mg/m2 IV day 1\n  daunorubicin 45 mg/m2 IV days 1-3\n  idarubicin 12 mg/m2 IV day 2";

    private static PriorExposure Prior(string drug, string dose)
    {
        Assert.True(QuantityText.TryParseDose(dose, out var parsed, out string error), error);
        return new PriorExposure(drug, parsed!);
    }

    private static decimal Sum(Timeline t, string drug, Func<TimelineEntry, decimal> amount) => t.Entries.Where(e => e.Drug == drug).Sum(amount);

    [Fact]
    public void Members_count_with_their_factor_in_the_class_unit_and_absolute()
    {
        var t = ExpandOk(Regimen(Mixed, "main: A x 2"));
        var total = Assert.Single(t.ClassTotals);
        Assert.Equal(("anthracycline", "doxorubicin"), (total.Class, total.Reference));
        Assert.Equal(["daunorubicin", "doxorubicin", "idarubicin"], total.Contributions.Select(c => c.Drug));

        // Each contribution is the timeline's own doses of the drug; the total is their sum at the formulary's factors.
        var factors = new Dictionary<string, decimal> { ["doxorubicin"] = 1m, ["daunorubicin"] = 0.6m, ["idarubicin"] = 5m };
        foreach (var c in total.Contributions)
        {
            Assert.True(c.Counted);
            Assert.Equal(factors[c.Drug], c.Factor);
            Assert.Equal(Sum(t, c.Drug, e => e.PrescribedAmount!.Value), c.Prescribed!.Amount);
            Assert.Equal(Sum(t, c.Drug, e => e.Amount), c.Absolute!.Amount);
            Assert.Equal(t.Entries.Count(e => e.Drug == c.Drug), c.Administrations);
        }
        decimal expected = factors.Sum(f => Sum(t, f.Key, e => e.PrescribedAmount!.Value) * f.Value);
        Assert.Equal(new Quantity(expected, "mg/m2"), total.Total);
        Assert.Equal(new Quantity(factors.Sum(f => Sum(t, f.Key, e => e.Amount) * f.Value), "mg"), total.TotalAbsolute);
        // 2 x (50 + 0.6 x 135 + 5 x 12) = 382 mg/m2: written out once, so a change of factor or unit is seen.
        Assert.Equal(382m, total.Total!.Amount);
        Assert.Equal(new Quantity(550m, "mg/m2"), total.Limit!.Max);
        Assert.Contains("Feijen", total.Limit.Source, StringComparison.Ordinal);
        Assert.True(total.PriorDrugs.IsEmpty);
        Assert.Null(total.Cumulative);
    }

    [Fact]
    public void A_plan_without_a_class_member_has_no_class_total() =>
        Assert.Empty(ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg\n  cyclophosphamide 750 mg/m2 IV day 1")).ClassTotals);

    [Fact]
    public void Intrathecal_doses_are_local_and_not_counted()
    {
        // Not a dose anyone should give (the checker refuses it): the total must still leave local exposure out.
        var t = ExpandOk(Regimen("  doxorubicin 50 mg/m2 IV day 1\n  doxorubicin 5 mg IT day 8"));
        var doxorubicin = Assert.Single(Assert.Single(t.ClassTotals).Contributions);
        Assert.Equal(1, doxorubicin.Administrations);
        Assert.Equal(50m, doxorubicin.Prescribed!.Amount);
    }

    [Fact]
    public void An_unconfirmed_factor_is_listed_and_not_counted()
    {
        var t = ExpandOk(Regimen("  doxorubicin 50 mg/m2 IV day 1\n  daunorubicin-cytarabine-liposome 44 mg/m2 IV over 90 min days 1, 3, 5"));
        var total = Assert.Single(t.ClassTotals);
        var liposomal = Assert.Single(total.Contributions, c => c.Drug == "daunorubicin-cytarabine-liposome");
        Assert.False(liposomal.Counted);
        Assert.Null(liposomal.Equivalent);
        Assert.Equal(132m, liposomal.Prescribed!.Amount);
        Assert.Equal(50m, total.Total!.Amount);
        Assert.Contains("unconfirmed: not counted", TimelineText.ClassContribution(liposomal), StringComparison.Ordinal);
    }

    [Fact]
    public void Prior_exposure_to_members_joins_the_cumulative_figure()
    {
        var patient = Patient(bsa: 2m) with
        {
            Prior = [Prior("daunorubicin", "100 mg/m2"), Prior("epirubicin", "50 mg/m2"), Prior("cyclophosphamide", "30 mg")],
        };
        var total = Assert.Single(ExpandOk(Regimen("  doxorubicin 60 mg/m2 IV day 1"), patient).ClassTotals);
        // 0.6 x 100 + 0.8 x 50 = 100 mg/m2 of doxorubicin-equivalents; cyclophosphamide is no anthracycline.
        Assert.Equal(["daunorubicin", "epirubicin"], total.PriorDrugs.AsEnumerable());
        Assert.Equal(new Quantity(100m, "mg/m2"), total.Prior);
        Assert.Equal(new Quantity(200m, "mg"), total.PriorAbsolute);
        Assert.Equal(new Quantity(160m, "mg/m2"), total.Cumulative);
        Assert.Equal(new Quantity(320m, "mg"), total.CumulativeAbsolute);
        Assert.Contains("with prior 160 mg/m2 = 320 mg", TimelineText.ClassTotal(total), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_dose_of_a_member_leaves_the_per_m2_total_unknown_but_the_absolute_one_exact()
    {
        var total = Assert.Single(ExpandOk(Regimen("  doxorubicin 50 mg/m2 IV day 1\n  idarubicin 10 mg IV day 2"), Patient(bsa: 2m)).ClassTotals);
        Assert.Null(total.Total);
        Assert.Equal(new Quantity(100m + 50m, "mg"), total.TotalAbsolute);
    }

    [Theory]
    [InlineData("A x 2", false)]
    [InlineData("A x 3", true)]
    public void The_total_is_over_the_limit_exactly_when_the_checker_reports_the_class_limit(string plan, bool over)
    {
        // 191 mg/m2 of equivalents a cycle: 382 in two cycles, 573 in three (limit 550).
        string source = Regimen(Mixed, "main: " + plan, extra: "source: NCT00000001");
        var total = Assert.Single(ExpandOk(source).ClassTotals);
        Assert.Equal(over, total.Total!.Amount > total.Limit!.Max.Amount);
        Assert.Equal(over, CheckErrors(source).Any(d => d.Code == "RL3013"));
    }

    [Fact]
    public void Every_writer_shows_the_class_totals_and_the_table_reader_skips_them()
    {
        var t = ExpandOk(Regimen(Mixed));
        string table = TimelineTableWriter.Write(t);
        Assert.Contains("Class totals, whole plan", table, StringComparison.Ordinal);
        Assert.Contains("anthracycline: 191 mg/m2 doxorubicin-equivalents", table, StringComparison.Ordinal);
        Assert.Contains("idarubicin", table[table.IndexOf("Class totals", StringComparison.Ordinal)..], StringComparison.Ordinal);
        foreach (string format in new[] { "md", "html", "csv", "json", "yaml" })
        {
            string text = OutputFormats.Find(OutputFormats.Timelines, format).Write(t);
            Assert.Contains(format is "json" or "yaml" ? "classTotals" : "Class totals, whole plan", text, StringComparison.Ordinal);
            Assert.Contains("doxorubicin-equivalents", format is "json" or "yaml" ? TimelineText.ClassTotal(t.ClassTotals[0]) : text, StringComparison.Ordinal);
        }
        using var json = System.Text.Json.JsonDocument.Parse(OutputFormats.Find(OutputFormats.Timelines, "json").Write(t));
        var classTotal = json.RootElement.GetProperty("classTotals")[0];
        Assert.Equal(191m, classTotal.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(3, classTotal.GetProperty("contributions").GetArrayLength());
        // The digest of a golden table (what 'snapshot' compares) has the drug totals only, not the class lines as more drugs.
        var digest = TimelineTableReader.Read(table);
        Assert.Equal(t.PlanTotals.Length, digest.PlanTotals.Length);

        var none = ExpandOk(Regimen("  vincristine 1.4 mg/m2 IV day 1 cap 2 mg"));
        Assert.DoesNotContain("Class totals", TimelineTableWriter.Write(none), StringComparison.Ordinal);
        Assert.DoesNotContain("classTotals", OutputFormats.Find(OutputFormats.Timelines, "json").Write(none), StringComparison.Ordinal);
    }
}
