namespace RegimenLang.Diagnostics;

/// <summary>
/// Every diagnostic code the tool can report, in one place. Codes are stable: a code is never reused
/// for another meaning. Each family's descriptors and their typed builders (<see cref="Diagnose"/>)
/// live in one file of this folder; <see cref="All"/> is the one registration list that feeds
/// <c>regimen explain</c>, the docs pages, SARIF rule metadata and the configuration's code check.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>The whole catalogue, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all.Value;

    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> s_all = new(() =>
        [.. SyntaxFamily().Concat(NamesFamily()).Concat(ScheduleFamily()).Concat(DoseSafetyFamily()).Concat(IntervalFamily())
            .Concat(NotationFamily()).Concat(ConfigurationFamily()).Concat(EvaluationFamily()).Concat(DoseLevelFamily()).Concat(AsGivenFamily()).Concat(OrderFamily()).Concat(UntilFamily()).Concat(ExportFamily())
            .OrderBy(d => d.Code, StringComparer.Ordinal)]);

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The typed builders: one method per kind of finding, named for what was found, taking the facts and
/// filling the catalogue's wording. Call sites never write message text.
/// </summary>
public static partial class Diagnose
{
    /// <summary>" (did you mean 'a' or 'b'?)", or empty.</summary>
    internal static string DidYouMean(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0 ? "" : $" (did you mean {Words.JoinOr([.. suggestions.Select(f => $"'{f}'")])}?)";
}

/// <summary>Small wording helpers shared by the builders.</summary>
public static class Words
{
    public static string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>"1 day", "2 days".</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";
}
