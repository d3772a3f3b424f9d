namespace RegimenLang.Diagnostics;

/// <summary>Collects the findings of one file; parsing and checking never throw for bad input, they report here.</summary>
public sealed class DiagnosticBag : IDiagnosticSink
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(string file) => File = file;

    public string File { get; }
    public IReadOnlyList<Diagnostic> Items => _items;
    public int Count => _items.Count;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Adds a finding made by a builder of <see cref="Diagnose"/>, under this bag's file.</summary>
    public Diagnostic Add(Diagnostic diagnostic)
    {
        var placed = diagnostic.File.Length == 0 ? diagnostic with { File = File } : diagnostic;
        _items.Add(placed);
        return placed;
    }

    void IDiagnosticSink.Report(Diagnostic diagnostic) => Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Findings in file order: by line, then column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => DiagnosticOrder.Sort(_items);
}

/// <summary>The one order in which findings are shown: file, line, column, code.</summary>
public static class DiagnosticOrder
{
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
