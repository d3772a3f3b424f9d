using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Output;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// What the cursor is on, in words: a drug's formulary facts; a dose line's computed dose for the reference patient
/// and the days it falls on (and its dose levels); a <c>levels</c> line's table and the reference patient's level; a
/// cycle's length and where the plan uses it; a block's and a fact's use; a diagnostic code's explanation (in a
/// suppression comment or anywhere in the text).
/// </summary>
public sealed partial class HoverProvider(ReferencePatient patients)
{
    public Hover? Hover(OpenDocument document, Position position)
    {
        if (document.Compilation is not { } compilation)
        {
            return null;
        }
        var text = compilation.Source;
        int offset = PositionMap.ToOffset(text, position);
        if (CodeAt(text.Text, offset) is { } code && DiagnosticCatalog.Find(code.Value) is { } descriptor)
        {
            return new Hover(MarkupContent.Markdown(Fence(DiagnosticWriters.Explain(descriptor))),
                new Protocol.Range(PositionMap.ToPosition(text, code.Index), PositionMap.ToPosition(text, code.Index + code.Length)));
        }
        var model = compilation.Model;
        if (SyntaxLookup.StatementAt(model.Document, offset) is LevelsStatement levels)
        {
            // The whole line, its drug name included: the table is what the line means, the formulary is a hover away on a dose line.
            return new Hover(MarkupContent.Markdown(LevelTableHover.Line(levels, model, patients.For(document), offset)), PositionMap.ToRange(text, levels.Span));
        }
        var node = model.FindNodeAt(offset);
        if (node is Identifier name && model.SymbolOf(name) is { } symbol)
        {
            string? markdown = symbol switch
            {
                DrugSymbol drug => $"**{drug.Entry.Name}** (formulary)\n\n" + Fence(FormularyWriters.DrugText(drug.Entry)),
                CycleSymbol cycle => Cycle(cycle, model, document),
                BlockSymbol block => Block(block, model),
                FactSymbol fact => Fact(fact),
                LabelSymbol label => $"**label {label.Name}**: line {label.Line.Span.Line} ({label.Line.Drug.Text}); lines timed from it: {model.References(label).Count - 1}",
                PhaseSymbol phase => $"**phase {phase.Name}** of the plan",
                PhaseBlockSymbol phaseBlock => $"**phase {phaseBlock.Name}** lines: {phaseBlock.Lines.Length}, days counted from day 1 of the phase's first cycle",
                _ => null,
            };
            if (markdown is not null)
            {
                return new Hover(MarkupContent.Markdown(markdown), PositionMap.ToRange(text, name.Span));
            }
        }
        if (SyntaxLookup.AdministrationAt(model.Document, offset) is { } line)
        {
            return new Hover(MarkupContent.Markdown(DoseLine(line, document) + Levels(line, model, document)), PositionMap.ToRange(text, line.Span));
        }
        return null;
    }

    private string DoseLine(AdministrationLine line, OpenDocument document)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"**{line.Drug.Text} {line.Dose}** {string.Join(" or ", line.Routes.Select(r => r.Route))}\n\n");
        var reference = patients.For(document);
        if (reference.Timeline is not { } timeline)
        {
            md.Append(reference.Reason);
            return md.ToString();
        }
        var entries = timeline.Entries.Where(e => e.Line == line.Span.Line).ToList();
        md.Append(CultureInfo.InvariantCulture, $"For the reference patient ({System.IO.Path.GetFileName(reference.PatientFile)}{PatientSummary(timeline)}):\n\n");
        if (entries.Count == 0)
        {
            md.Append("not given to this patient (its conditions or cycles leave it out)");
            return md.ToString();
        }
        md.Append(CultureInfo.InvariantCulture, $"- dose: {DoseAmounts(entries)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- {Words.Count(entries.Count, "administration")}, on {DaysOf(entries, timeline)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- dates: {Date(entries.Min(e => e.Date))} to {Date(entries.Max(e => e.Date))}\n");
        var adjustments = entries.SelectMany(e => e.Adjustments).Select(Adjustment).Distinct().ToList();
        if (adjustments.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"- adjusted: {string.Join("; ", adjustments)}\n");
        }
        return md.ToString();
    }

    /// <summary>The dose levels of the line's drug, when it has a <c>levels</c> line, under the line's own hover.</summary>
    private string Levels(AdministrationLine line, SemanticModel model, OpenDocument document)
    {
        if (model.SymbolOf(line.Drug) is not DrugSymbol drug || model.LevelsOf(drug.Entry.Name) is not { } table)
        {
            return "";
        }
        var reference = patients.For(document);
        string patient = reference.Timeline is null ? "" : "\n" + LevelTableHover.PatientLevel(table, reference); // no patient: the dose line said why
        return $"\n\n**dose levels of {table.Drug.Name}** (line {table.Syntax.Span.Line}):\n\n{LevelTableHover.Table(table)}{patient}";
    }

    /// <summary>The distinct computed amounts of the entries, e.g. "570 mg" or "570 mg / 600 mg".</summary>
    public static string DoseAmounts(IEnumerable<TimelineEntry> entries) =>
        string.Join(" / ", entries.Select(e => $"{Units.Format(e.Amount)} {DoseUnit.CanonicalMass(e.Unit)}").Distinct().Take(4));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture);

    private static string Adjustment(DoseAdjustment adjustment) => adjustment switch
    {
        Capped c => $"capped at {c.Limit} (from {Units.Format(c.From)} {DoseUnit.CanonicalMass(c.Unit)})",
        Rounded r => $"rounded to a multiple of {r.Step} (from {Units.Format(r.From)} {DoseUnit.CanonicalMass(r.Unit)})",
        GfrCapped g => $"GFR capped at {Units.Format(g.Cap)} mL/min (CrCl {Units.Format(g.Crcl)})",
        _ => adjustment.ToString() ?? "",
    };

    private static string PatientSummary(Timeline timeline)
    {
        var p = timeline.Patient;
        var parts = new List<string>();
        if (p.Bsa is { } bsa)
        {
            parts.Add($"BSA {Units.Format(bsa.Value)} m2");
        }
        if (p.WeightKg is { } weight)
        {
            parts.Add($"{Units.Format(weight)} kg");
        }
        if (p.CrclMlPerMin is { } crcl)
        {
            parts.Add($"CrCl {Units.Format(crcl)} mL/min");
        }
        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    /// <summary>The plan days, grouped by cycle instance: "induction 1 (A): days 1, 2, 3; induction 2 (B): ...".</summary>
    public static string DaysOf(IReadOnlyList<TimelineEntry> entries, Timeline timeline)
    {
        var groups = entries.GroupBy(e => e.CycleIndex).ToList();
        var shown = groups.Take(6).Select(g =>
        {
            var cycle = timeline.Cycles[g.Key];
            var days = g.Select(e => e.CycleDay).Distinct().Order().ToList();
            return $"{cycle.Phase} {cycle.PhaseCycle} ({cycle.CycleName}) day{(days.Count == 1 ? "" : "s")} {DayList(days)}";
        });
        string more = groups.Count > 6 ? $"; and {Words.Count(groups.Count - 6, "more cycle")}" : "";
        return string.Join("; ", shown) + more;
    }

    /// <summary>Days as ranges: 1, 2, 3, 8 is "1-3, 8".</summary>
    public static string DayList(IReadOnlyList<int> days)
    {
        var parts = new List<string>();
        for (int i = 0; i < days.Count;)
        {
            int j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
            {
                j++;
            }
            parts.Add(j > i ? $"{days[i]}-{days[j]}" : $"{days[i]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private string Cycle(CycleSymbol cycle, SemanticModel model, OpenDocument document)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"**cycle {cycle.Name}**{(cycle.Syntax.Title is { } t ? $" \"{t.Value}\"" : "")}: ");
        md.Append(cycle.LengthDays is { } days ? Words.Count(days, "day") : "length unknown (its opening line has an error)");
        md.Append(CultureInfo.InvariantCulture, $", {Words.Count(cycle.Lines.Length, "administration line")}\n\n");
        var uses = model.References(cycle).Where(r => r != cycle.Declaration).ToList();
        md.Append(uses.Count == 0 ? "not used by the plan" : $"used by the plan on line{(uses.Count == 1 ? "" : "s")} {string.Join(", ", uses.Select(u => u.Span.Line))}");
        if (patients.For(document).Timeline is { } timeline)
        {
            var instances = timeline.Cycles.Where(c => ReferenceEquals(c.Symbol, cycle)).ToList();
            if (instances.Count > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n\nplan days (reference patient): {PlanDays(instances)}");
            }
        }
        return md.ToString();
    }

    /// <summary>The plan days each instance of a cycle covers, 1-based: "1-21, 43-63".</summary>
    public static string PlanDays(IEnumerable<CycleInstance> instances) =>
        string.Join(", ", instances.Select(c => $"{c.StartDay + 1}-{c.StartDay + c.LengthDays}"));

    private static string Block(BlockSymbol block, SemanticModel model)
    {
        var uses = model.References(block).Where(r => r != block.Declaration).ToList();
        return $"**block {block.Name}**: {Words.Count(block.Syntax.Body.Length, "line")}; "
            + (uses.Count == 0 ? "not included anywhere" : $"included on line{(uses.Count == 1 ? "" : "s")} {string.Join(", ", uses.Select(u => u.Span.Line))}");
    }

    private static string Fact(FactSymbol fact)
    {
        var f = fact.Fact;
        string kind = f.Kind.ToString().ToLowerInvariant() + (f.Unit is { Length: > 0 } unit ? $" ({unit})" : "");
        string origin = f.IsBuiltIn ? "built-in patient fact" : "input" + (f.Input?.Description is { } d ? $" \"{d.Value}\"" : "");
        return $"**{f.Name}**: {origin}, {kind}\n\ncondition: `{f.Example}`; on the command line: `{f.Flag}`";
    }

    private static string Fence(string text) => "```text\n" + text.TrimEnd() + "\n```";

    private static Match? CodeAt(string text, int offset)
    {
        int start = Math.Max(0, offset - 6);
        int end = Math.Min(text.Length, offset + 6);
        foreach (Match match in CodePattern().Matches(text[start..end]))
        {
            if (start + match.Index <= offset && offset <= start + match.Index + match.Length)
            {
                return CodePattern().Match(text, start + match.Index, match.Length);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\bRL\d{4}\b")]
    private static partial Regex CodePattern();
}
