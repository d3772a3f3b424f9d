namespace RegimenLang.Lsp.Protocol;

public static class LspSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record LspDiagnostic(
    Range Range,
    int Severity,
    string Code,
    string Source,
    string Message,
    CodeDescription? CodeDescription = null,
    List<DiagnosticRelatedInformation>? RelatedInformation = null);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, List<LspDiagnostic> Diagnostics);
