using RegimenLang.Diagnostics;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// The syntax findings of one line. One mistake gives one finding: the first error of the lexer or the
/// parser is the one reported (what follows it is read in its light and would only repeat it); when the
/// line reads cleanly, the first failed check of its numbers is reported.
/// </summary>
internal sealed class LineDiagnostics : IDiagnosticSink
{
    private Diagnostic? _parse;
    private Diagnostic? _validation;

    /// <summary>How many findings were made on the line (reported or not), so a builder can tell whether a part was valid.</summary>
    public int Count { get; private set; }

    public bool HasErrors => Count > 0;

    public void Parse(Diagnostic diagnostic)
    {
        Count++;
        _parse ??= diagnostic;
    }

    /// <summary>What the lexer finds is a parse error of the line.</summary>
    void IDiagnosticSink.Report(Diagnostic diagnostic) => Parse(diagnostic);

    public void Validation(Diagnostic? diagnostic)
    {
        if (diagnostic is null)
        {
            return;
        }
        Count++;
        if (_validation is null || diagnostic.Span.Start < _validation.Span.Start)
        {
            _validation = diagnostic;
        }
    }

    public void Validation(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Validation(d);
        }
    }

    /// <summary>The finding to report for the line, if any; resets for the next line.</summary>
    public Diagnostic? Take()
    {
        var result = _parse ?? _validation;
        _parse = null;
        _validation = null;
        Count = 0;
        return result;
    }
}
