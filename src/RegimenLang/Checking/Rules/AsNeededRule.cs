using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3040: an as-needed line (<c>prn "reason"</c>) whose limits cannot be checked: no <c>(at most N per day)</c>, or a clause
/// that places doses itself (a frequency, a timing, a ramp, a continuous infusion, several clock times). The dose rules count
/// an as-needed line at its maximum, N doses on each of its days.
/// </summary>
public sealed class AsNeededRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.InvalidAsNeeded];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var written in context.WrittenLines)
        {
            var line = written.Line;
            if (line.AsNeeded is not { } prn)
            {
                continue;
            }
            if (prn.MaxPerDay is null)
            {
                context.Report(Diagnose.AsNeededWithoutMaximum(prn.Span, line.Drug.Text));
            }
            SyntaxNode? conflict = (SyntaxNode?)line.Frequency ?? line.Timing ?? (line.Dose as RampDose) ?? (SyntaxNode?)(line.IsContinuous ? line.Infusion ?? (SyntaxNode)line.Routes[0] : null)
                ?? (line.At is { Times.Length: > 1 } at ? at : null);
            if (conflict is not null)
            {
                context.Report(Diagnose.AsNeededWithSchedule(conflict.Span, line.Drug.Text, Syntax.Formatting.SyntaxPrinter.Print(conflict)));
            }
        }
    }
}
