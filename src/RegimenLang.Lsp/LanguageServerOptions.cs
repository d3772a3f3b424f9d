namespace RegimenLang.Lsp;

/// <summary>How the server runs: the debounce of re-checks, extra formulary files, the base URL of the diagnostics pages.</summary>
public sealed record LanguageServerOptions(TimeSpan Debounce, IReadOnlyList<string> Formularies, string? DocsUrl)
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(0);

    public static readonly LanguageServerOptions Default = new(DefaultDebounce, [], null);
}
