using System.Collections.Concurrent;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Documents;

/// <summary>
/// Where a diagnostic code's documentation page (<c>docs/diagnostics/RLxxxx.md</c>) is: under the base URL given
/// (<c>--docs-url</c>), else in the nearest folder above the document that holds <c>docs/diagnostics</c> (a clone of
/// this repository or a project that vendors its docs); null when neither is known.
/// </summary>
public sealed class DocsLinks(IFileSystem fileSystem, string? baseUrl)
{
    private readonly ConcurrentDictionary<string, string?> _byFolder = new(StringComparer.Ordinal);

    public string? For(string code, string documentPath)
    {
        if (baseUrl is { Length: > 0 })
        {
            return baseUrl.TrimEnd('/') + "/" + code + ".md";
        }
        if (!System.IO.Path.IsPathRooted(documentPath))
        {
            return null;
        }
        string? folder = System.IO.Path.GetDirectoryName(documentPath);
        if (folder is null)
        {
            return null;
        }
        string? docs = _byFolder.GetOrAdd(folder, Find);
        return docs is null ? null : DocumentUri.FromPath(System.IO.Path.Combine(docs, code + ".md"));
    }

    private string? Find(string folder)
    {
        for (string? current = folder; current is not null; current = System.IO.Path.GetDirectoryName(current))
        {
            string candidate = System.IO.Path.Combine(current, "docs", "diagnostics");
            if (fileSystem.IsFile(System.IO.Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }
        return null;
    }
}
