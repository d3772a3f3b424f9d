using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>Collects the findings of one file; parsing and checking never throw for bad input, they report here.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(string file) => File = file;

    public string File { get; }
    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public Diagnostic Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor, File, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Findings in file order: by line, then column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
