using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>RL2008: a rate dose needs a continuous infusion, and a continuous infusion a rate dose and no frequency.</summary>
public sealed class RateInfusionRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RateInfusionMismatch];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var line in context.Lines.Select(a => a.Line))
        {
            bool rate = line.Dose is AmountDose { Unit.Rate: not DoseRate.None };
            if (rate && !line.IsContinuous)
            {
                context.Report(Diagnose.RateWithoutInfusion(line.Dose!.Span, line.Dose.ToString()!));
            }
            if (line.IsContinuous && line.Frequency is { } frequency)
            {
                context.Report(Diagnose.FrequencyOnInfusion(frequency.Span, frequency.Text));
            }
            else if (!rate && line.IsContinuous && line.Dose is AmountDose)
            {
                context.Report(Diagnose.InfusionWithoutRate(line.Dose.Span, line.Dose.ToString()!));
            }
        }
    }
}
