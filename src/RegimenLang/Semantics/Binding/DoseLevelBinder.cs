using System.Collections.Immutable;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Binds the <c>levels</c> lines into one <see cref="DoseLevelTable"/> per drug and checks them (RL1030-RL1033): one table a
/// drug, each level once, a full dose at level 0, the other doses in its unit, reductions below it and escalations above it,
/// a table some line uses, and lines at the full dose when levels are written as doses.
/// </summary>
internal static class DoseLevelBinder
{
    /// <summary>The largest ratio of a level written as a dose to the full dose (the parser bounds percentages the same way).</summary>
    private const decimal MaxRatio = 10m;

    public static ImmutableDictionary<string, DoseLevelTable> Bind(RegimenDocument document, BindingContext context,
        IReadOnlyCollection<WrittenAdministration> written, IEnumerable<BoundAdministration> lines)
    {
        var diagnostics = context.Diagnostics;
        var tables = ImmutableDictionary.CreateBuilder<string, DoseLevelTable>(StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in document.LevelTables)
        {
            if (context.ResolveDrug(statement.Drug) is not { } drug)
            {
                continue;
            }
            if (firstLine.TryGetValue(drug.Name, out int earlier))
            {
                diagnostics.Add(Diagnose.DoseLevelsTwice(statement.Drug.Span, drug.Name, earlier));
                continue;
            }
            firstLine[drug.Name] = statement.Span.Line;
            if (Table(statement, drug, diagnostics) is { } table)
            {
                tables[drug.Name] = table;
            }
            if (!written.Any(w => string.Equals(w.Drug?.Name, drug.Name, StringComparison.OrdinalIgnoreCase))
                && !context.NamesOnIncompleteLines.Contains(drug.Name) && !context.MentionedInErrors.Contains(statement.Drug.Text))
            {
                diagnostics.Add(Diagnose.UnusedDoseLevels(statement.Drug.Span, drug.Name));
            }
        }
        foreach (var line in lines)
        {
            if (line.Drug is { } drug && tables.TryGetValue(drug.Name, out var table) && !DoseLevelArithmetic.IsFullDose(table, line.Dose)
                && table.Levels.Values.FirstOrDefault(l => l.Dose is not null && l.Number != 0) is { } example)
            {
                var scaled = DoseLevelArithmetic.Apply(table, example, line.Dose, line.Dose)!;
                diagnostics.Add(Diagnose.LineNotAtFullDose(line.Dose.Span, drug.Name, line.Dose.ToString()!, table.Full.Syntax.ValueText,
                    Number(example.Number), scaled.ToString()!));
            }
        }
        return tables.ToImmutable();
    }

    private static DoseLevelTable? Table(LevelsStatement statement, Formulary.DrugEntry drug, DiagnosticBag diagnostics)
    {
        var levels = new SortedDictionary<int, DoseLevel>();
        foreach (var entry in statement.Levels)
        {
            int number = (int)entry.Level.Value;
            if (!levels.TryAdd(number, new DoseLevel(number, entry)))
            {
                diagnostics.Add(Diagnose.DoseLevelTwice(entry.Level.Span, drug.Name, entry.Level.Text));
            }
        }
        if (!levels.TryGetValue(0, out var full))
        {
            diagnostics.Add(Diagnose.NoFullDoseLevel(statement.Drug.Span, drug.Name));
            return null;
        }
        if (full.Dose is null && full.Percent != 100m)
        {
            diagnostics.Add(Diagnose.FullDoseLevelNotADose(full.Syntax.ValueSpan, drug.Name, full.Syntax.ValueText));
            return null;
        }
        foreach (var level in levels.Values.Where(l => l.Number != 0).ToList())
        {
            string text = level.Syntax.ValueText;
            decimal? ratio = level.Percent / 100m;
            if (level.Dose is { } dose)
            {
                if (full.Dose is not { } fullDose || !DoseLevelArithmetic.SameKind(dose, fullDose))
                {
                    diagnostics.Add(Diagnose.DoseLevelUnlikeFullDose(level.Syntax.ValueSpan, drug.Name, Number(level.Number), text, full.Syntax.ValueText));
                    levels.Remove(level.Number);
                    continue;
                }
                ratio = DoseLevelArithmetic.Value(dose) / DoseLevelArithmetic.Value(fullDose);
                if (ratio > MaxRatio)
                {
                    diagnostics.Add(Diagnose.DoseLevelFarAboveFullDose(level.Syntax.ValueSpan, drug.Name, Number(level.Number), text, full.Syntax.ValueText));
                    levels.Remove(level.Number);
                    continue;
                }
            }
            if (ratio is { } r && (level.Number < 0 ? r >= 1 : r <= 1))
            {
                diagnostics.Add(Diagnose.DoseLevelOutOfOrder(level.Syntax.ValueSpan, drug.Name, Number(level.Number), text, full.Syntax.ValueText, level.Number < 0));
            }
        }
        return new DoseLevelTable(drug, statement, levels.ToImmutableSortedDictionary());
    }

    private static string Number(int level) => level.ToString(CultureInfo.InvariantCulture);
}
