using RegimenLang.Diagnostics;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Documents;

/// <summary>
/// One version of a document the editor holds open: its text and its compilation, or, for a text over the size
/// limit, the one finding that says so (nothing else is computed for it).
/// </summary>
public sealed record OpenDocument(string Uri, string Path, int Version, SourceText Text, RegimenCompilation? Compilation, Diagnostic? Problem);
