using System.Globalization;
using System.Text;
using RegimenLang.Lsp.Documents;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// A drug's dose-level table in words, for a hover on its <c>levels</c> line (the hovered entry marked) and on its dose
/// lines: each level with what it gives as a share of the full dose, and the level the reference patient is at.
/// </summary>
public static class LevelTableHover
{
    /// <summary>The hover of a whole <c>levels</c> line; <paramref name="offset"/> picks the entry to mark.</summary>
    public static string Line(LevelsStatement statement, SemanticModel model, ReferenceTimeline reference, int offset)
    {
        var md = new StringBuilder();
        string drug = model.SymbolOf(statement.Drug) is DrugSymbol symbol ? symbol.Entry.Name : statement.Drug.Text;
        md.Append(CultureInfo.InvariantCulture, $"**levels {drug}**\n\n");
        var table = model.LevelsOf(drug);
        if (table is null || !ReferenceEquals(table.Syntax, statement))
        {
            // Unbound (an error on the line, or a second line for the drug): the entries as written, none applied.
            md.Append("not applied: the line has an error (see its diagnostics)\n\n");
            foreach (var entry in statement.Levels)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {entry.Level.Text}: {entry.ValueText}\n");
            }
            return md.ToString();
        }
        var hovered = statement.Levels.FirstOrDefault(l => offset >= l.Span.Start && offset <= l.Span.End);
        md.Append(Table(table, hovered));
        md.Append('\n').Append(PatientLevel(table, reference));
        return md.ToString();
    }

    /// <summary>The table, highest level first: "- **-1: 150 mg/m2** (83% of the full dose)", the hovered entry in bold.</summary>
    public static string Table(DoseLevelTable table, DoseLevelSyntax? hovered = null)
    {
        var md = new StringBuilder();
        foreach (var number in table.Numbers)
        {
            var level = table.Levels[number];
            string written = level.ToString();
            string shown = ReferenceEquals(level.Syntax, hovered) ? $"**{written}**" : written;
            md.Append(CultureInfo.InvariantCulture, $"- {shown} ({Share(table, level)})\n");
        }
        return md.ToString();
    }

    /// <summary>The level the reference patient is at, and whether its patient file names it or it is the default 0.</summary>
    public static string PatientLevel(DoseLevelTable table, ReferenceTimeline reference)
    {
        if (reference.Timeline is not { } timeline || reference.PatientFile is not { } file)
        {
            return reference.Reason ?? "";
        }
        string name = System.IO.Path.GetFileName(file);
        bool named = timeline.Patient.DoseLevels.ContainsKey(table.Drug.Name);
        int number = timeline.Patient.DoseLevelOf(table.Drug.Name);
        var level = table.Find(number) ?? table.Full;
        return named
            ? $"reference patient ({name}): level {level}"
            : $"reference patient ({name}): level {level} (its patient file names no level of {table.Drug.Name})";
    }

    private static string Share(DoseLevelTable table, DoseLevel level) => table.Factor(level) switch
    {
        null => "not given",
        1m when level.Number == 0 => "full dose",
        { } factor => $"{Units.Format(Math.Round(factor * 100m, 1))}% of the full dose",
    };
}
