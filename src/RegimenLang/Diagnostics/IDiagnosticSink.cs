namespace RegimenLang.Diagnostics;

/// <summary>Where a stage puts what it finds: a file's bag, or one line's findings in the parser.</summary>
public interface IDiagnosticSink
{
    void Report(Diagnostic diagnostic);
}
