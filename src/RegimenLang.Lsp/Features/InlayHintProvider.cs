using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// What a line computes to for the reference patient, written after it: the amount of a per-m2, per-kg or AUC dose
/// (<c>= 570 mg</c>), and the plan days of each cycle (<c>plan days 1-21, 43-63</c>) and of each line of a cycle.
/// Nothing without a reference patient: a hint that guessed a patient would be worse than none.
/// </summary>
public sealed class InlayHintProvider(ReferencePatient patients)
{
    public const int ParameterKind = 2;

    public List<InlayHint> Hints(OpenDocument document, Protocol.Range range)
    {
        var hints = new List<InlayHint>();
        if (document.Compilation is not { } compilation || patients.For(document) is not { Timeline: { } timeline, PatientFile: { } patientFile })
        {
            return hints;
        }
        var source = compilation.Source;
        int first = range.Start.Line + 1;
        int last = range.End.Line + 1;
        var byLine = timeline.Entries.ToLookup(e => e.Line);
        foreach (var line in compilation.Model.WrittenAdministrations.Select(w => w.Line).Where(l => l.Span.Line >= first && l.Span.Line <= last))
        {
            var entries = byLine[line.Span.Line].ToList();
            if (entries.Count == 0)
            {
                continue;
            }
            if (line.Dose is { } dose && IsRelative(dose))
            {
                hints.Add(new InlayHint(PositionMap.ToPosition(source, dose.Span.End), "= " + HoverProvider.DoseAmounts(entries), ParameterKind,
                    Tooltip: "computed for the reference patient " + System.IO.Path.GetFileName(patientFile)));
            }
            var days = entries.Select(e => e.PlanDay).Distinct().Order().ToList();
            hints.Add(new InlayHint(PositionMap.ToPosition(source, line.Span.End), $"plan day{(days.Count == 1 ? "" : "s")} {Shorten(HoverProvider.DayList(days))}"));
        }
        foreach (var cycle in compilation.Model.Cycles.Values.Where(c => c.Syntax.Span.Line >= first && c.Syntax.Span.Line <= last))
        {
            var instances = timeline.Cycles.Where(c => ReferenceEquals(c.Symbol, cycle)).ToList();
            if (instances.Count > 0 && cycle.Declaration is { } name)
            {
                int lineEnd = source.Text.IndexOf('\n', name.Span.End) is var n and >= 0 ? n : source.Text.Length;
                if (lineEnd > 0 && source.Text[lineEnd - 1] == '\r')
                {
                    lineEnd--;
                }
                hints.Add(new InlayHint(PositionMap.ToPosition(source, lineEnd), $"plan days {Shorten(HoverProvider.PlanDays(instances))}"));
            }
        }
        return hints;
    }

    private static bool IsRelative(DoseSyntax dose) => dose switch
    {
        AmountDose amount => amount.Unit.Basis != DoseBasis.Flat,
        AucDose => true,
        RampDose ramp => ramp.Steps.Any(s => s.Unit.Basis != DoseBasis.Flat),
        _ => false,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
