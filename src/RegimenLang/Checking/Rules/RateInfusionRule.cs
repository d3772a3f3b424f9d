using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2008: a rate dose needs a continuous infusion, and a continuous infusion a rate dose and no frequency.</summary>
public sealed class RateInfusionRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RateInfusionMismatch];

    public void Check(RuleContext context)
    {
        foreach (var line in context.Lines.Select(a => a.Line))
        {
            bool rate = line.Dose is AmountDose { Unit.Rate: not DoseRate.None };
            if (rate && !line.IsContinuous)
            {
                context.Report(DiagnosticCatalog.RateInfusionMismatch, line.Dose.Span,
                    $"{line.Dose} is a rate: give it as a continuous infusion (route CIV, or 'continuous')");
            }
            if (line.IsContinuous && line.Frequency is { } frequency)
            {
                context.Report(DiagnosticCatalog.RateInfusionMismatch, frequency.Span,
                    $"a continuous infusion runs all day: '{frequency.Text}' has no meaning here; give the amount per day as a rate");
            }
            else if (!rate && line.IsContinuous && line.Dose is AmountDose)
            {
                context.Report(DiagnosticCatalog.RateInfusionMismatch, line.Dose.Span,
                    $"a continuous infusion needs a rate dose such as {line.Dose}/day, so the amount per day is unambiguous");
            }
        }
    }
}
