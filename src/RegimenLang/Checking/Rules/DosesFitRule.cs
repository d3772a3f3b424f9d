using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL2003: <c>q&lt;N&gt;h x &lt;count&gt;</c> must fit its days. Dose k falls (k-1)N hours after the
/// first-dose time of the first listed day, so on treatment day first + floor((k-1)N / 24) whatever the
/// clock time; every such day must be listed.
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
            int first = listed[0];
            int total = (int)count.Value;
            int lastDay = first + (total - 1) * frequency.Hours / 24;
            for (int k = 0; k < total; k++)
            {
                int day = first + k * frequency.Hours / 24;
                if (!listed.Contains(day))
                {
                    context.Report(DiagnosticCatalog.DosesDoNotFit, line.Days.Span, frequency.Text + " x " + count.Text, first, k + 1, day, lastDay);
                    break;
                }
            }
        }
    }
}
