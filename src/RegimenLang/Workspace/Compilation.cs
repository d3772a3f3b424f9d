using RegimenLang.Checking;
using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Workspace;

/// <summary>Everything known about one file after checking it.</summary>
public sealed record FileResult(string Path, ParseResult? Parse, BoundRegimen? Bound, IReadOnlyList<Diagnostic> Diagnostics, bool Unreadable)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>How to check: the formulary, the configuration, and optionally a patient (then absolute doses are checked too).</summary>
public sealed record CheckOptions(DrugFormulary Formulary, RegimenConfig Config, Func<BoundRegimen, List<Diagnostic>, Patient?>? Patient = null)
{
    public static CheckOptions For(DrugFormulary formulary) => new(formulary, RegimenConfig.Default);
}

/// <summary>The pipeline for one file: read, parse, bind, check; then configuration and suppressions.</summary>
public static class Compilation
{
    public static FileResult CheckFile(string path, DrugFormulary formulary) => CheckFile(path, CheckOptions.For(formulary));

    public static FileResult CheckFile(string path, CheckOptions options)
    {
        var read = SourceFileReader.Read(path);
        if (read.Unreadable)
        {
            return new FileResult(path, null, null, [], Unreadable: true);
        }
        if (read.Source is null)
        {
            return new FileResult(path, null, null, [read.Problem!], Unreadable: false);
        }
        return Check(read.Source, options);
    }

    public static FileResult Check(SourceText source, DrugFormulary formulary) => Check(source, CheckOptions.For(formulary));

    public static FileResult Check(SourceText source, CheckOptions options)
    {
        var parse = RegimenParser.Parse(source);
        var bag = new DiagnosticBag(source.Path);
        bag.AddRange(parse.Diagnostics);
        var bound = Binder.Bind(parse.Document, options.Formulary, bag, parse.HasErrors);

        // Lines with syntax errors are missing from the tree: checking the rest would report doses as
        // missing or misplaced that are only unparsed. The checker runs on files that parse.
        if (!parse.HasErrors)
        {
            Patient? patient = null;
            if (options.Patient is { } buildPatient)
            {
                var patientProblems = new List<Diagnostic>();
                patient = buildPatient(bound, patientProblems);
                bag.AddRange(patientProblems);
            }
            if (options.Patient is null || patient is not null)
            {
                Checker.Run(bound, patient, bag);
            }
        }

        var configured = bag.Items.Select(options.Config.Apply).OfType<Diagnostic>().ToList();
        var final = Suppressions.Apply(source, parse.Document, configured);
        return new FileResult(source.Path, parse, bound, Sort(final), Unreadable: false);
    }

    private static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
