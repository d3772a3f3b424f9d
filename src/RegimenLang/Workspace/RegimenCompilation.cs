using RegimenLang.Checking;
using RegimenLang.Checking.Configuration;
using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Workspace;

/// <summary>
/// One version of one regimen file with the setup it is checked against. It gives, each computed once
/// on first use, the syntax tree, the semantic model and the findings; it never changes (a new version
/// of the text is a new compilation), so an editor may hold one while the user types the next.
/// </summary>
public sealed class RegimenCompilation
{
    /// <summary>The most findings reported for one file; the rest are counted in one last finding.</summary>
    public const int MaxFindings = 500;

    private readonly Lazy<ParseResult> _syntax;
    private readonly Lazy<(SemanticModel Model, IReadOnlyList<Diagnostic> Diagnostics)> _binding;
    private readonly Lazy<IReadOnlyList<Diagnostic>> _diagnostics;

    public RegimenCompilation(SourceText source, RegimenSetup setup, int version = 0)
    {
        Source = source;
        Setup = setup;
        Version = version;
        _syntax = new(() => RegimenParser.Parse(source));
        _binding = new(() =>
        {
            var bag = new DiagnosticBag(source.Path);
            var model = Binder.Bind(Syntax.Document, setup.Formulary, bag);
            return (model, bag.Items);
        });
        _diagnostics = new(() => Check(patient: null));
    }

    public SourceText Source { get; }
    public RegimenSetup Setup { get; }
    public int Version { get; }
    public string Path => Source.Path;

    public ParseResult Syntax => _syntax.Value;

    public SemanticModel Model => _binding.Value.Model;

    /// <summary>Every finding without a patient: syntax, names, the checker's rules; configured and suppressed.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.Value;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Every finding, with absolute doses checked for <paramref name="patient"/> when one is given.</summary>
    public IReadOnlyList<Diagnostic> Check(Patient? patient)
    {
        var bag = new DiagnosticBag(Source.Path);
        bag.AddRange(Syntax.Diagnostics);
        bag.AddRange(_binding.Value.Diagnostics);
        Checker.Run(Model, patient, bag);
        return Finish(bag.Items);
    }

    /// <summary>The configuration's severities, the file's suppressions, the order of findings, and the cap on their number.</summary>
    internal IReadOnlyList<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics)
    {
        var configured = diagnostics.Select(Setup.Config.Apply).OfType<Diagnostic>().ToList();
        var sorted = DiagnosticOrder.Sort(Suppressions.Apply(Source, Syntax.Document, configured));
        if (sorted.Count <= MaxFindings)
        {
            return sorted;
        }
        var shown = sorted.Take(MaxFindings).ToList();
        shown.Add(Diagnose.MoreFindings(shown[^1].Span with { Length = 0 }, sorted.Count - MaxFindings, MaxFindings) with { File = Source.Path });
        return shown;
    }
}
