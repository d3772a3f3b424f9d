using System.Collections.Concurrent;
using System.Text;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Syntax;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Documents;

/// <summary>
/// The documents open in the editor, each at its latest version, over a <see cref="RegimenWorkspace"/> (so an open
/// document's text wins over the file on disk for every run). Changes are applied in order, whole-text or by range;
/// a change that names an older version than the one held is ignored. Safe to use from several threads.
/// </summary>
public sealed class DocumentStore(RegimenWorkspace workspace)
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RegimenWorkspace Workspace { get; } = workspace;

    public IEnumerable<OpenDocument> All => _documents.Values;

    public OpenDocument Open(string uri, string text, int version)
    {
        lock (_gate)
        {
            var document = Compile(uri, text, version);
            _documents[uri] = document;
            return document;
        }
    }

    /// <summary>The document after the changes, or null when it is not open or the version is not newer.</summary>
    public OpenDocument? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var current) || version <= current.Version)
            {
                return null;
            }
            string text = current.Text.Text;
            foreach (var change in changes)
            {
                text = Apply(text, uri, change);
            }
            var document = Compile(uri, text, version);
            _documents[uri] = document;
            return document;
        }
    }

    public void Close(string uri)
    {
        lock (_gate)
        {
            if (_documents.TryRemove(uri, out var document))
            {
                Workspace.Close(document.Path);
            }
        }
    }

    public OpenDocument? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>Whether <paramref name="version"/> is still the latest of the document (a check of an older one is never published).</summary>
    public bool IsCurrent(string uri, int version) => _documents.TryGetValue(uri, out var document) && document.Version == version;

    /// <summary>Rebuilds every open document's compilation (a configuration or formulary file changed on disk).</summary>
    public IReadOnlyList<OpenDocument> Refresh()
    {
        lock (_gate)
        {
            var refreshed = _documents.Values.Select(d => Compile(d.Uri, d.Text.Text, d.Version)).ToList();
            foreach (var document in refreshed)
            {
                _documents[document.Uri] = document;
            }
            return refreshed;
        }
    }

    public static string Apply(string text, string uri, TextDocumentContentChangeEvent change)
    {
        if (change.Range is not { } range)
        {
            return change.Text;
        }
        var source = new SourceText(uri, text);
        int start = PositionMap.ToOffset(source, range.Start);
        int end = Math.Max(start, PositionMap.ToOffset(source, range.End));
        return string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
    }

    private OpenDocument Compile(string uri, string text, int version)
    {
        string path = DocumentUri.ToPath(uri);
        var source = new SourceText(path, text);
        // The size limit of a file on disk holds for an open buffer too: a pasted 50 MB log is one finding, not a stall.
        long bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > SourceDecoder.MaxFileBytes)
        {
            Workspace.Close(path);
            return new OpenDocument(uri, path, version, source, null, SourceDecoder.TooLarge(path, bytes).Problem);
        }
        return new OpenDocument(uri, path, version, source, Workspace.Update(path, text, version), null);
    }
}
