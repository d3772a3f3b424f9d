using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL5001-RL5006: error-prone notation -------------------------------------------------

    public static readonly DiagnosticDescriptor TrailingZero = new(
        "RL5001", "Trailing zero", DiagnosticFamily.Notation, Severity.Warning,
        "write {fixed} instead of {written}: a trailing zero is read as ten times the dose when the point is missed",
        "ISMP's list of error-prone abbreviations: never write a trailing zero after a decimal point (2.0 mg is read as 20 mg). `regimen fix` removes it.",
        "vincristine 2.0 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor MicrogramAbbreviation = new(
        "RL5002", "Microgram written as ug or µg", DiagnosticFamily.Notation, Severity.Warning,
        "write mcg instead of {written}: µg is misread as mg",
        "ISMP and the Joint Commission's do-not-use list: µg and ug are mistaken for mg (a thousand-fold overdose). Write mcg; `regimen fix` does.",
        "blinatumomab 28 ug/day CIV days 1-28",
        "blinatumomab 28 mcg/day CIV days 1-28");

    public static readonly DiagnosticDescriptor UnitAbbreviation = new(
        "RL5003", "Units written as U or IU", DiagnosticFamily.Notation, Severity.Warning,
        "write units instead of {written}: U is misread as 0 or 4, IU as IV or 10",
        "Joint Commission do-not-use list: U and IU are misread (U as a zero, IU as IV). Write units; `regimen fix` does.",
        "pegaspargase 2500 U/m2 IM day 4",
        "pegaspargase 2500 units/m2 IM day 4");

    public static readonly DiagnosticDescriptor DangerousFrequency = new(
        "RL5004", "qd or qod", DiagnosticFamily.Notation, Severity.Warning,
        [
            "write daily instead of {written}: qd is mistaken for qid (four times a day) and qod",
            "write the days (days 1, 3, 5) instead of {written}: qod is mistaken for qd and qid",
        ],
        "Joint Commission do-not-use list: qd (daily) and qod (every other day) are mistaken for each other and for qid. " +
        "Write daily, or list the days (days 1, 3, 5); `regimen fix` does both.",
        "mercaptopurine 50 mg PO qd days 1-28",
        "mercaptopurine 50 mg PO daily days 1-28");

    public static readonly DiagnosticDescriptor MissingSource = new(
        "RL5005", "No source", DiagnosticFamily.Notation, Severity.Warning,
        "the regimen names no source: add 'source:' lines (NCT number, doi:, pmid: or https:// URL) so that a reviewer can check each dose",
        "A regimen copied from a protocol says where from. Reviewers check doses against the source.",
        "regimen \"POMP\"\nid: pomp",
        "regimen \"POMP\"\nid: pomp\nsource: doi:10.2147/BTT.S202746");

    public static readonly DiagnosticDescriptor SuppressionWithoutReason = new(
        "RL5006", "Suppression without a reason", DiagnosticFamily.Notation, Severity.Warning,
        "this suppression gives no reason: write '# regimen-disable-next-line {codes} -- <why this is intended>'",
        "`# regimen-disable-next-line CODE -- reason` silences a finding on the next line. The reason is required so that a reviewer " +
        "knows the finding was considered, not hidden.",
        "# regimen-disable-next-line RL3007\nvincristine 1.4 mg/m2 IV day 1",
        "# regimen-disable-next-line RL3007 -- pediatric protocol: cap applied by the pharmacy system\nvincristine 1.4 mg/m2 IV day 1");

    private static IEnumerable<DiagnosticDescriptor> NotationFamily() =>
    [
        TrailingZero, MicrogramAbbreviation, UnitAbbreviation, DangerousFrequency, MissingSource, SuppressionWithoutReason,
    ];
}

public static partial class Diagnose
{
    public static Diagnostic TrailingZero(SourceSpan at, string written)
    {
        string fixedText = written.TrimEnd('0').TrimEnd('.');
        return DiagnosticCatalog.TrailingZero.Create(at, ("fixed", fixedText), ("written", written))
            .WithFix(CodeFix.Replace($"write {fixedText}", at, fixedText));
    }

    /// <param name="massAt">The span of the mass word alone (ug, µg), which the fix replaces.</param>
    public static Diagnostic MicrogramAbbreviation(SourceSpan at, string written, SourceSpan massAt) =>
        DiagnosticCatalog.MicrogramAbbreviation.Create(at, ("written", written)).WithFix(CodeFix.Replace("write mcg", massAt, "mcg"));

    public static Diagnostic UnitAbbreviation(SourceSpan at, string written, SourceSpan massAt) =>
        DiagnosticCatalog.UnitAbbreviation.Create(at, ("written", written)).WithFix(CodeFix.Replace("write units", massAt, "units"));

    public static Diagnostic DailyAbbreviation(SourceSpan at, string written) =>
        DiagnosticCatalog.DangerousFrequency.Create(at, 0, ("written", written)).WithFix(CodeFix.Replace("write daily", at, "daily"));

    /// <param name="replacement">The days every other day (removing qod and listing them), when they can be computed.</param>
    public static Diagnostic EveryOtherDayAbbreviation(SourceSpan at, string written, CodeFix? replacement)
    {
        var d = DiagnosticCatalog.DangerousFrequency.Create(at, 1, ("written", written));
        return replacement is null ? d : d.WithFix(replacement);
    }

    public static Diagnostic MissingSource(SourceSpan at) => DiagnosticCatalog.MissingSource.Create(at);

    public static Diagnostic SuppressionWithoutReason(SourceSpan at, string codes) =>
        DiagnosticCatalog.SuppressionWithoutReason.Create(at, ("codes", codes));
}
