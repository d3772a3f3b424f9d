using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3008: methotrexate of 500 mg/m2 or more on one day of a cycle (IV or continuous; intrathecal doses
/// do not count) needs leucovorin rescue: a leucovorin or levoleucovorin line in the same cycle. A note never stands for
/// the rescue: a note is not an order, and a timeline without the rescue is what pharmacy would dispense. When the rescue is
/// there, its timing is the companion rule's (RL3012).
/// </summary>
public sealed class HighDoseMethotrexateRule : ICheckRule
{
    public const decimal HighDoseMgPerM2 = 500m;

    private static readonly string[] RescueDrugs = ["leucovorin", "levoleucovorin"];

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.HighDoseMethotrexateWithoutRescue];

    public RuleScope Scope => RuleScope.Cycle;

    public void Check(RuleContext context)
    {
        var reportedLines = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);
        foreach (var cycle in context.Model.Cycles.Values.OrderBy(c => c.Syntax.Span.Start))
        {
            var methotrexate = cycle.Lines
                .Where(a => a.Drug?.Name == "methotrexate" && a.Line.Routes.Any(r => r.Route is Route.IV or Route.CIV))
                .Where(a => a.Dose is AmountDose { Unit.Basis: DoseBasis.PerSquareMetre })
                .ToList();
            // A cycle with a line that could not be read may hold the rescue: say nothing about it.
            if (methotrexate.Count == 0 || cycle.HasIncompleteLines || HasRescue(cycle))
            {
                continue;
            }
            // Doses on the same day add up (a loading dose then the rest over 22 h).
            var perDay = new Dictionary<int, decimal>();
            foreach (var a in methotrexate)
            {
                var dose = (AmountDose)a.Dose;
                decimal mg = Units.Convert(dose.Amount.Value, dose.Unit.Mass, MassUnit.Milligram) * (dose.Unit.Rate == DoseRate.PerHour ? 24 : 1);
                foreach (int day in a.ListedDays)
                {
                    perDay[day] = perDay.GetValueOrDefault(day) + mg * Math.Max(1, a.Line.Frequency?.PerDay ?? 1);
                }
            }
            var high = perDay.Where(kv => kv.Value >= HighDoseMgPerM2).OrderBy(kv => kv.Key).FirstOrDefault();
            if (high.Value == 0)
            {
                continue;
            }
            var at = methotrexate.First(a => a.ListedDays.Contains(high.Key));
            if (reportedLines.Add(at.Line))
            {
                context.Report(Diagnose.HighDoseMethotrexateWithoutRescue(at.Dose.Span, $"{Units.Format(high.Value)} mg/m2 on day {high.Key}", cycle.Name));
            }
        }
    }

    private static bool HasRescue(Semantics.Binding.CycleSymbol cycle) => cycle.Lines.Any(a => RescueDrugs.Contains(a.Drug?.Name));

    /// <summary>Whether a missing <paramref name="companion"/> of <paramref name="drug"/> is this rule's to report (the folate rescue of methotrexate).</summary>
    public static bool Covers(Semantics.Formulary.DrugEntry drug, Semantics.Formulary.Companion companion) =>
        drug.Name == "methotrexate" && companion.AnyOf.Any(RescueDrugs.Contains);
}
