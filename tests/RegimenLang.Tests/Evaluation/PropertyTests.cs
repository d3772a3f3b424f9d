using System.Globalization;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Properties over generated regimens and patients (System.Random with fixed seeds, so failures reproduce).</summary>
public class PropertyTests
{
    private static readonly string[] Drugs = ["vincristine", "cytarabine", "methotrexate", "prednisone", "cyclophosphamide"];
    private static readonly string[] Units = ["mg", "mg/m2", "mg/kg", "mcg", "g/m2"];
    private static readonly string[] Frequencies = ["", "daily", "bid", "tid", "qid", "q6h", "q8h", "q12h"];

    private static string RandomRegimen(Random random)
    {
        var lines = new List<string>();
        int length = random.Next(7, 29);
        for (int i = 0; i < random.Next(1, 6); i++)
        {
            int first = random.Next(1, length + 1);
            int last = random.Next(first, Math.Min(length, first + 5) + 1);
            string amount = (random.Next(1, 4000) / 10m).ToString(CultureInfo.InvariantCulture);
            string extra = random.Next(3) == 0 ? $" round to {random.Next(1, 10)} mg" : "";
            string unit = Units[random.Next(Units.Length)];
            if (extra.Length > 0 && unit is "mcg" or "g/m2")
            {
                unit = "mg";
            }
            lines.Add($"  {Drugs[random.Next(Drugs.Length)]} {amount} {unit} IV {Frequencies[random.Next(Frequencies.Length)]} days {first}-{last}{extra}");
        }
        if (random.Next(2) == 0)
        {
            lines.Add($"  blinatumomab {random.Next(5, 29)} mcg/day CIV days 1-{Math.Min(length, 7)}");
        }
        string plan = $"main: A x {random.Next(1, 5)}" + (random.Next(2) == 0 ? $" then rest {random.Next(1, 15)} days then A" : "");
        return Regimen(string.Join("\n", lines), plan, length);
    }

    private static Patient RandomPatient(Random random) =>
        Patient(height: random.Next(140, 200), weight: random.Next(40, 130), time: new TimeOnly(random.Next(0, 24), random.Next(0, 4) * 15));

    [Fact]
    public void Totals_equal_the_sum_of_the_entries()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var timeline = ExpandOk(RandomRegimen(random), RandomPatient(random));
            foreach (var total in timeline.PlanTotals)
            {
                var entries = timeline.Entries.Where(e => e.Drug == total.Drug).ToList();
                Assert.Equal(entries.Count, total.Administrations);
                decimal sum = entries.Sum(e => ToUnit(e.Amount, e.Unit, total.Absolute.Unit));
                Assert.True(sum == total.Absolute.Amount, $"seed {seed}: {total.Drug} {sum} != {total.Absolute.Amount}");
                decimal cycles = timeline.CycleTotals.Where(t => t.Drug == total.Drug).Sum(t => t.Absolute.Amount);
                Assert.True(cycles == total.Absolute.Amount, $"seed {seed}: cycle totals of {total.Drug} {cycles} != {total.Absolute.Amount}");
            }
            Assert.Equal(timeline.Entries.Length, timeline.PlanTotals.Sum(t => t.Administrations));
        }
    }

    [Fact]
    public void Expansion_is_deterministic_and_in_clock_order()
    {
        for (int seed = 1000; seed < 1100; seed++)
        {
            var source = RandomRegimen(new Random(seed));
            var patient = RandomPatient(new Random(seed + 1));
            string first = JsonTreeWriter.Write(TimelineTreeBuilder.Build(ExpandOk(source, patient)));
            string second = JsonTreeWriter.Write(TimelineTreeBuilder.Build(ExpandOk(source, patient)));
            Assert.Equal(first, second);

            var entries = ExpandOk(source, patient).Entries;
            for (int i = 1; i < entries.Length; i++)
            {
                Assert.True(entries[i - 1].When <= entries[i].When, $"seed {seed}: entries out of clock order at {i}");
            }
        }
    }

    private static decimal ToUnit(decimal amount, RegimenLang.Syntax.Nodes.MassUnit from, string to) =>
        RegimenLang.Evaluation.Units.Convert(amount, from, Enum.GetValues<RegimenLang.Syntax.Nodes.MassUnit>().Single(u => RegimenLang.Syntax.Nodes.DoseUnit.CanonicalMass(u) == to));
}
