namespace RegimenLang.Lsp.Documents;

/// <summary>
/// File URIs to paths and back. A document that is not a file (an unsaved <c>untitled:</c> buffer) keeps its URI
/// as its path: it is checked against the built-in setup, and nothing is read for it.
/// </summary>
public static class DocumentUri
{
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    public static string FromPath(string path) =>
        System.IO.Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;
}
