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

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (line.Frequency is not { Kind: FrequencyKind.EveryHours, Count: { } count } frequency || line.IsContinuous)
            {
                continue;
            }
            var listed = Schedule.ListedDays(administration.Days);
            if (listed.IsEmpty)
            {
                continue;
            }
            if (Schedule.CountedDoseOutsideDays(frequency.Hours, (int)Math.Min(count.Value, Schedule.MaxCountedDoses), listed) is { } outside)
            {
                context.Report(Diagnose.DosesDoNotFit(administration.Days.Span, frequency.Text + " x " + count.Text, listed[0], outside.Dose, outside.Day, outside.LastDay));
            }
        }
    }
}
