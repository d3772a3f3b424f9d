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
    public const int MaxFindings = FindingList.MaxPerFile;

    private readonly Lazy<ParseResult> _syntax;
    private readonly Lazy<(SemanticModel Model, IReadOnlyList<Diagnostic> Diagnostics)> _binding;
    private readonly Lazy<FindingList> _diagnostics;

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

    /// <summary>
    /// Every finding without a patient: syntax, names, the checker's rules; configured, suppressed and capped
    /// (<see cref="FindingList.Counts"/> counts the findings not shown too).
    /// </summary>
    public FindingList Diagnostics => _diagnostics.Value;

    /// <summary>Whether any finding is an error, shown or not.</summary>
    public bool HasErrors => Diagnostics.HasErrors;

    /// <summary>Whether the text itself has an error (syntax or names): then nothing can be laid out, whatever the checker says.</summary>
    public bool HasFrontEndErrors =>
        Syntax.Diagnostics.Concat(_binding.Value.Diagnostics).Any(d => d.Severity == Severity.Error);

    /// <summary>The syntax findings alone, capped as every list of findings is (what <c>ast</c> prints).</summary>
    public FindingList SyntaxDiagnostics => FindingList.Cap(Syntax.Diagnostics);

    /// <summary>Every finding, with absolute doses checked for <paramref name="patient"/> when one is given.</summary>
    public FindingList Check(Patient? patient)
    {
        var bag = new DiagnosticBag(Source.Path);
        bag.AddRange(Syntax.Diagnostics);
        bag.AddRange(_binding.Value.Diagnostics);
        Checker.Run(Model, patient, bag);
        return Finish(bag.Items);
    }

    /// <summary>
    /// The configuration's severities, the file's suppressions, the order of findings, and the cap on their number
    /// (errors first when a file has more: see <see cref="FindingList"/>).
    /// </summary>
    internal FindingList Finish(IEnumerable<Diagnostic> diagnostics)
    {
        var configured = diagnostics.Select(Setup.Config.Apply).OfType<Diagnostic>().ToList();
        var sorted = DiagnosticOrder.Sort(Suppressions.Apply(Source, Syntax.Document, configured));
        return FindingList.Cap(sorted);
    }
}
