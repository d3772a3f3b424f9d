using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2003: <c>q&lt;N&gt;h x &lt;count&gt;</c> must fit its days (the evaluator's own test,
/// <see cref="Schedule.CountedDoseOutsideDays"/>, so check and expand agree).
/// </summary>
public sealed class DosesFitRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DosesDoNotFit];

    public void Check(RuleContext context)
    {
        foreach (var line in context.Lines.Select(a => a.Line))
        {
            if (line.Frequency is not { Kind: FrequencyKind.EveryHours, Count: { } count } frequency || line.IsContinuous)
            {
                continue;
            }
            var listed = Schedule.ListedDays(line.Days);
            if (listed.IsEmpty)
            {
                continue;
            }
            if (Schedule.CountedDoseOutsideDays(frequency.Hours, (int)Math.Min(count.Value, 10_000), listed) is { } outside)
            {
                context.Report(DiagnosticCatalog.DosesDoNotFit, line.Days.Span, frequency.Text + " x " + count.Text, listed[0], outside.Dose, outside.Day, outside.LastDay);
            }
        }
    }
}
