using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2008: a rate dose (per day or per hour) is given continuously, over a stated time, once a day, or divided into
/// the doses of a day; a continuous infusion has a rate dose or the time its total runs, and no frequency; <c>divided</c>
/// splits a dose per day into the doses of bid, tid, qid or q&lt;N&gt;h.
/// </summary>
public sealed class RateInfusionRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RateInfusionMismatch];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var line in context.Lines.Select(a => a.Line))
        {
            bool rate = line.Dose is AmountDose { Unit.Rate: not DoseRate.None };
            var frequency = line.Frequency;
            string dose = line.Dose?.ToString() ?? "";
            if (frequency is { Divided: true })
            {
                string written = SyntaxPrinter.Print(frequency with { Divided = false });
                if (frequency.PerDay < 2)
                {
                    context.Report(Diagnose.DividedNotSeveralADay(frequency.Span, written));
                }
                else if (!rate && line.Dose is AmountDose)
                {
                    context.Report(Diagnose.DividedWithoutRate(frequency.Span, dose, written));
                }
                continue;
            }
            if (line.IsContinuous)
            {
                if (frequency is not null)
                {
                    context.Report(Diagnose.FrequencyOnInfusion(frequency.Span, frequency.Text));
                }
                else if (!rate && line.Dose is AmountDose && line.Infusion is not OverInfusion)
                {
                    context.Report(Diagnose.InfusionWithoutRate(line.Dose.Span, dose));
                }
                continue;
            }
            if (!rate || line.Infusion is OverInfusion)
            {
                continue;
            }
            if (frequency is { PerDay: > 1 })
            {
                context.Report(Diagnose.RateNotDivided(line.Dose!.Span, dose, SyntaxPrinter.Print(frequency)));
            }
            else if (frequency is { Kind: FrequencyKind.Weekly or FrequencyKind.EveryDays or FrequencyKind.Qod }
                || frequency is { Kind: FrequencyKind.EveryHours, Count: not null })
            {
                context.Report(Diagnose.RateNotDaily(line.Dose!.Span, dose, SyntaxPrinter.Print(frequency)));
            }
            else if (line.Routes.Any(r => r.Route is Route.IV or Route.IT))
            {
                // An injection "per day" given at once into a vein or the spinal fluid is most likely a missing CIV.
                context.Report(Diagnose.RateGivenAtOnce(line.Dose!.Span, dose, string.Join(" or ", line.Routes.Select(r => r.Route))));
            }
        }
    }
}
