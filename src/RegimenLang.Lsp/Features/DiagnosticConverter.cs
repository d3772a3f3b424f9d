using RegimenLang.Diagnostics;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Text;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// A document's findings as LSP diagnostics: exactly the findings <c>regimen check</c> reports for the file (the
/// compilation's, configured, suppressed and capped), each with its code, a link to its documentation page and its
/// related locations (the violated <c>limit</c> line, the formulary entry).
/// </summary>
public sealed class DiagnosticConverter(DocsLinks docs)
{
    public const string Source = "regimen";

    /// <summary>What <c>regimen check FILE</c> reports for this version of the document.</summary>
    public static IReadOnlyList<Diagnostic> FindingsOf(OpenDocument document)
    {
        if (document.Problem is { } problem)
        {
            return [problem];
        }
        var compilation = document.Compilation!;
        // A configuration or formulary with errors leaves the file unchecked, as in 'regimen check'; its problems say why.
        return compilation.Setup.Usable ? compilation.Diagnostics : compilation.Setup.Problems;
    }

    public List<LspDiagnostic> Convert(OpenDocument document) =>
        [.. FindingsOf(document).Select(d => Convert(d, document))];

    public LspDiagnostic Convert(Diagnostic diagnostic, OpenDocument document)
    {
        bool here = SamePath(diagnostic.File, document.Path);
        var range = here ? PositionMap.ToRange(document.Text, diagnostic.Span) : new Protocol.Range(new Position(0, 0), new Position(0, 0));
        string message = here ? diagnostic.Message : $"{diagnostic}";
        var related = diagnostic.Related
            .Where(r => SamePath(r.File, document.Path) || System.IO.Path.IsPathRooted(r.File))
            .Select(r => new DiagnosticRelatedInformation(
                new Location(
                    SamePath(r.File, document.Path) ? document.Uri : DocumentUri.FromPath(r.File),
                    SamePath(r.File, document.Path) ? PositionMap.ToRange(document.Text, r.Span) : PositionMap.ToRange(r.Span)),
                r.Message))
            .ToList();
        string? href = docs.For(diagnostic.Code, document.Path);
        return new LspDiagnostic(range, ToLsp(diagnostic.Severity), diagnostic.Code, Source, message,
            href is null ? null : new CodeDescription(href), related.Count > 0 ? related : null);
    }

    public static int ToLsp(Severity severity) => severity switch
    {
        Severity.Error => LspSeverity.Error,
        Severity.Warning => LspSeverity.Warning,
        _ => LspSeverity.Information,
    };

    private static bool SamePath(string a, string b) => string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.Ordinal);

    internal static bool Overlaps(SourceSpan span, int start, int end) =>
        span.Start <= end && start <= span.End;
}
