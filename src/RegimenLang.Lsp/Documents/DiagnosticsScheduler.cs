using System.Threading.Channels;

namespace RegimenLang.Lsp.Documents;

/// <summary>
/// Re-checks changed documents off the message loop and publishes their findings. Changes that arrive while a
/// check runs (or within <see cref="Delay"/> of each other) are coalesced: only the latest version of a document is
/// checked. A result whose version is no longer the document's latest when it is ready is dropped, so a stale
/// version is never published; the newer version's check publishes instead.
/// </summary>
public sealed class DiagnosticsScheduler
{
    private readonly DocumentStore _store;
    private readonly Func<OpenDocument, Task> _publish;
    private readonly Action<OpenDocument> _compute;
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _worker;
    private readonly TextWriter _log;
    private int _queued;

    /// <param name="compute">Computes what will be published (run on the worker, before the version check).</param>
    /// <param name="publish">Sends the document's findings; called only for a document's latest version.</param>
    public DiagnosticsScheduler(DocumentStore store, Action<OpenDocument> compute, Func<OpenDocument, Task> publish, TimeSpan delay, TextWriter log)
    {
        _store = store;
        _compute = compute;
        _publish = publish;
        _log = log;
        Delay = delay;
        _worker = Task.Run(WorkAsync);
    }

    public TimeSpan Delay { get; }

    public void Schedule(string uri)
    {
        Interlocked.Increment(ref _queued);
        _pending.Writer.TryWrite(uri);
    }

    /// <summary>Completes when nothing is queued or being checked.</summary>
    public async Task WhenIdleAsync()
    {
        while (Volatile.Read(ref _queued) > 0)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        _pending.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
    }

    private async Task WorkAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay).ConfigureAwait(false);
            }
            var batch = new List<string>();
            while (reader.TryRead(out var uri))
            {
                batch.Add(uri);
            }
            foreach (var uri in batch.Distinct(StringComparer.Ordinal))
            {
                await CheckAsync(uri).ConfigureAwait(false);
            }
            Interlocked.Add(ref _queued, -batch.Count);
        }
    }

    private async Task CheckAsync(string uri)
    {
        if (_store.Get(uri) is not { } document)
        {
            return; // closed meanwhile: its findings were cleared when it closed
        }
        try
        {
            _compute(document);
            if (!_store.IsCurrent(uri, document.Version))
            {
                return; // a newer version arrived during the check: its own check publishes
            }
            await _publish(document).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a check must not stop the worker: the document is left with its last findings.
            await _log.WriteLineAsync($"regimen lsp: checking {uri} failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }
}
