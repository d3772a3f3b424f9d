using RegimenLang.Diagnostics;
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

/// <summary>The pipeline for one file: read, parse, bind (and later stages), collecting every diagnostic.</summary>
public static class Compilation
{
    public static FileResult CheckFile(string path, DrugFormulary formulary)
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
        return Check(read.Source, formulary);
    }

    public static FileResult Check(SourceText source, DrugFormulary formulary)
    {
        var parse = RegimenParser.Parse(source);
        var bag = new DiagnosticBag(source.Path);
        bag.AddRange(parse.Diagnostics);
        var bound = Binder.Bind(parse.Document, formulary, bag, parse.HasErrors);
        return new FileResult(source.Path, parse, bound, bag.Sorted(), Unreadable: false);
    }
}
