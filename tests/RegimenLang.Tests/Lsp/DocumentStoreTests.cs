using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Lsp;

/// <summary>Open documents with versions, incremental edits, the size limit, and the debounced re-check that never publishes a stale version.</summary>
public sealed class DocumentStoreTests
{
    private const string Uri = "file:///repo/a.regimen";

    private static DocumentStore Store() => new(new RegimenWorkspace(new MemoryFileSystem().AddFolder("/repo/.git")));

    private static TextDocumentContentChangeEvent Edit(int line, int from, int to, string text) =>
        new(text, new RegimenLang.Lsp.Protocol.Range(new Position(line, from), new Position(line, to)));

    [Fact]
    public void Range_edits_apply_in_order_and_a_whole_text_change_replaces_everything()
    {
        var store = Store();
        store.Open(Uri, "line one\r\nline two\n", 1);
        var changed = store.Change(Uri, 2, [Edit(0, 5, 8, "1"), Edit(1, 0, 0, "the "), Edit(1, 99, 99, "!")])!;
        Assert.Equal("line 1\r\nthe line two!\n", changed.Text.Text);
        Assert.Equal(2, changed.Version);
        Assert.Equal("/repo/a.regimen", changed.Path);
        Assert.Equal("fresh", store.Change(Uri, 3, [new TextDocumentContentChangeEvent("fresh")])!.Text.Text);
    }

    [Fact]
    public void A_change_to_an_older_version_or_an_unknown_document_is_ignored()
    {
        var store = Store();
        store.Open(Uri, "a", 5);
        Assert.Null(store.Change(Uri, 5, [new TextDocumentContentChangeEvent("b")]));
        Assert.Null(store.Change(Uri, 4, [new TextDocumentContentChangeEvent("b")]));
        Assert.Null(store.Change("file:///elsewhere.regimen", 9, [new TextDocumentContentChangeEvent("b")]));
        Assert.Equal("a", store.Get(Uri)!.Text.Text);
        Assert.True(store.IsCurrent(Uri, 5));
        store.Close(Uri);
        Assert.False(store.IsCurrent(Uri, 5));
    }

    [Fact]
    public void An_open_document_wins_over_the_disk_for_every_run_of_the_workspace()
    {
        var disk = new MemoryFileSystem().AddFolder("/repo/.git").Add("/repo/a.regimen", Parsing.Regimen("vincristine 2 mg IV day 1"));
        var store = new DocumentStore(new RegimenWorkspace(disk));
        store.Open(Uri, Parsing.Regimen("vincristine 2 mg IT day 1"), 1);
        var report = CheckRun.Run(store.Workspace, ["/repo/a.regimen"]);
        Assert.Contains(report.AllDiagnostics, d => d.Code == "RL3001");
        store.Close(Uri);
        Assert.DoesNotContain(CheckRun.Run(store.Workspace, ["/repo/a.regimen"]).AllDiagnostics, d => d.Code == "RL3001");
    }

    [Fact]
    public void A_text_over_the_size_limit_is_one_finding_and_no_compilation()
    {
        var store = Store();
        var document = store.Open(Uri, new string('#', 11 * 1024 * 1024), 1);
        Assert.Null(document.Compilation);
        Assert.Equal("RL0007", document.Problem!.Code);
    }

    [Fact]
    public async Task Rapid_changes_are_coalesced_and_a_stale_version_is_never_published()
    {
        var store = Store();
        var published = new List<(int Version, bool Current)>();
        var gate = new SemaphoreSlim(0);
        var scheduler = new DiagnosticsScheduler(store,
            compute: d => gate.Wait(TimeSpan.FromSeconds(10)), // the first check is held until every change has arrived
            publish: d =>
            {
                lock (published)
                {
                    published.Add((d.Version, store.IsCurrent(d.Uri, d.Version)));
                }
                return Task.CompletedTask;
            },
            TimeSpan.Zero, TextWriter.Null);
        store.Open(Uri, Parsing.Regimen("vincristine 2 mg IV day 1"), 1);
        scheduler.Schedule(Uri);
        for (int v = 2; v <= 50; v++)
        {
            store.Change(Uri, v, [new TextDocumentContentChangeEvent(Parsing.Regimen($"vincristine {v} mg IV day 1"))]);
            scheduler.Schedule(Uri);
        }
        gate.Release(100);
        await scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync();
        Assert.All(published, p => Assert.True(p.Current, $"version {p.Version} was published after a newer one arrived"));
        Assert.Equal(50, published[^1].Version);
        Assert.True(published.Count <= 3, $"{published.Count} checks for 50 changes: not coalesced");
    }

    [Fact]
    public async Task With_a_debounce_changes_within_it_are_checked_once_at_their_latest_version()
    {
        var store = Store();
        var published = new List<int>();
        var scheduler = new DiagnosticsScheduler(store, _ => { }, d =>
        {
            lock (published)
            {
                published.Add(d.Version);
            }
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(300), TextWriter.Null);
        store.Open(Uri, "regimen \"A\"\n", 1);
        scheduler.Schedule(Uri);
        for (int v = 2; v <= 10; v++)
        {
            store.Change(Uri, v, [new TextDocumentContentChangeEvent($"regimen \"A{v}\"\n")]);
            scheduler.Schedule(Uri);
        }
        await scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync();
        Assert.Equal([10], published);
    }
}
