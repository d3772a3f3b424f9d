using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Output;

/// <summary>A named output format of one kind of result; the commands take their <c>--format</c> choices from these lists.</summary>
public sealed record OutputFormat<T>(string Name, string Description, Func<T, string> Write);

/// <summary>What a diagnostics writer prints: the files checked and their findings, in order.</summary>
/// <param name="WorkingDirectory">The folder relative paths are relative to (SARIF's SRCROOT).</param>
/// <param name="Color">Colour the text format (a terminal asked for it).</param>
/// <param name="Counts">Every finding by severity, shown or not (the findings past the cap of a file are counted here); by default, those of <paramref name="Diagnostics"/>.</param>
public sealed record DiagnosticsDocument(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics, string? WorkingDirectory, bool Color = false,
    FindingCounts? Counts = null);

/// <summary>What <c>regimen formulary</c> prints: the whole formulary, or one drug of it.</summary>
public sealed record FormularyDocument(DrugFormulary Formulary, DrugEntry? Drug);

/// <summary>The registry of output formats, by kind of result. The first of each list is the default.</summary>
public static class OutputFormats
{
    public static readonly IReadOnlyList<OutputFormat<DiagnosticsDocument>> Diagnostics =
    [
        new("text", "path:line:col: severity CODE: message, one per line", d => DiagnosticWriters.Text(d.Diagnostics, d.Color)),
        new("json", "one object: counts and every finding with its fixes", d => JsonTreeWriter.Write(DiagnosticWriters.Tree(d.Files, d.Diagnostics, d.Counts))),
        new("sarif", "SARIF 2.1.0 for code-scanning dashboards", d => JsonTreeWriter.Write(SarifWriter.Build(d.Diagnostics, d.WorkingDirectory))),
    ];

    public static readonly IReadOnlyList<OutputFormat<FormularyDocument>> Formulary =
    [
        new("text", "the list of drugs, or one drug with every value and its source", d => d.Drug is { } drug ? FormularyWriters.DrugText(drug) : FormularyWriters.ListText(d.Formulary)),
        new("json", "the same as one JSON object", d => JsonTreeWriter.Write(d.Drug is { } drug ? FormularyWriters.DrugTree(drug) : FormularyWriters.ListTree(d.Formulary))),
    ];

    public static readonly IReadOnlyList<OutputFormat<Timeline>> Timelines =
    [
        new("table", "aligned text, the golden format of snapshots", TimelineTableWriter.Write),
        new("csv", "one row per administration (RFC 4180)", TimelineCsvWriter.Write),
        new("json", "the stable JSON timeline contract", t => JsonTreeWriter.Write(TimelineTreeBuilder.Build(t))),
        new("yaml", "the JSON contract as YAML", t => YamlTreeWriter.Write(TimelineTreeBuilder.Build(t))),
        new("md", "Markdown tables", TimelineMarkdownWriter.Write),
        new("ics", "an iCalendar file, one event per administration", TimelineIcsWriter.Write),
        new("html", "a self-contained web page", TimelineHtmlWriter.Write),
    ];

    public static readonly IReadOnlyList<OutputFormat<TimelineDiff>> Diffs =
    [
        new("text", "what changes for the patient, one line per change", TimelineDiffWriters.Text),
        new("md", "Markdown tables, for a review comment", TimelineDiffWriters.Markdown),
        new("json", "one object: counts, every change, totals and findings", d => JsonTreeWriter.Write(TimelineDiffWriters.Tree(d))),
    ];

    public static readonly IReadOnlyList<OutputFormat<TreeValue>> Trees =
    [
        new("json", "indented JSON", JsonTreeWriter.Write),
        new("yaml", "YAML", YamlTreeWriter.Write),
    ];

    public static OutputFormat<T> Find<T>(IReadOnlyList<OutputFormat<T>> formats, string? name) =>
        formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) ?? formats[0];

    public static string[] Names<T>(IReadOnlyList<OutputFormat<T>> formats) => [.. formats.Select(f => f.Name)];
}
