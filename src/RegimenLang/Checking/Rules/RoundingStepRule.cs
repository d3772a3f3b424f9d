using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3015: a <c>round to</c> step larger than the dose it rounds. Flat doses are compared as written; a body-size dose with the
/// patient's computed dose, when a patient is given.
/// </summary>
public sealed class RoundingStepRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RoundingStepTooLarge];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (line.Round is not { } round || administration.Dose is not AmountDose dose)
            {
                continue;
            }
            var step = round.Step;
            // The dose before rounding: as written when flat, times the patient's size when per m2 or per kg.
            decimal? size = dose.Unit.Basis switch
            {
                DoseBasis.Flat => 1m,
                DoseBasis.PerSquareMetre => context.Patient?.Bsa?.Value,
                DoseBasis.PerKilogram => context.Patient?.WeightKg,
                _ => null,
            };
            (decimal Amount, MassUnit Unit, string Text)? compared = size is not { } factor || dose.Unit.Rate != DoseRate.None ? null
                : dose.Unit.Basis == DoseBasis.Flat ? (dose.Amount.Value, dose.Unit.Mass, dose.ToString()!)
                : (dose.Amount.Value * factor, dose.Unit.Mass, $"{DoseArithmetic.Format(dose.Amount.Value * factor, dose.Unit.Mass)} for this patient");
            if (compared is { } c && Units.Compatible(step.Unit.Mass, c.Unit) && c.Amount > 0
                && Units.Convert(step.Amount.Value, step.Unit.Mass, c.Unit) > c.Amount)
            {
                context.Report(Diagnose.RoundingStepTooLarge(round.Span, step.ToString()!, administration.DrugName, c.Text));
            }
        }
    }
}
