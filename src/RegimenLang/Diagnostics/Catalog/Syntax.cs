using System.Globalization;
using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>What a number on a line stands for, in the words of the RL0015 messages.</summary>
public enum NumberRole
{
    Dose,
    Cap,
    RoundingStep,
    Limit,
    InfusionDuration,
    AucTarget,
    DayNumber,
    CycleNumber,
    RepeatCount,
    RestLength,
    CycleLength,
    DoseCount,
    DoseInterval,
    RampStep,
    TimingOffset,
    DoseLevel,
    DosePercentage,
    CourseBound,
}

public static partial class DiagnosticCatalog
{
    // ---- RL0xxx: syntax -------------------------------------------------------------------

    public static readonly DiagnosticDescriptor UnexpectedToken = new(
        "RL0001", "Unexpected text", DiagnosticFamily.Syntax, Severity.Error,
        [
            "expected {expected}, found {found}{hint}",
            "unexpected {found}",
            "write the unit as a mass, then /m2 or /kg, then /day or /h, e.g. mg/m2 or mcg/m2/day",
            "'x <count>' goes with q<N>h, weekly or every N days, as in q12h x 6; '{word}' already says how many doses a day",
        ],
        "The line does not follow the grammar of its statement. The message names what the parser expected at that column, " +
        "in words (for example a route such as IV, PO or IT). The rest of the line is kept as far as it can be read, so one mistake gives " +
        "one finding and the checks that need only the readable part of the line still run; parsing resumes at the next line.",
        "vincristine 2 mg day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor LeadingDecimalPoint = new(
        "RL0002", "Number without a leading digit", DiagnosticFamily.Syntax, Severity.Error,
        "write {fixed} instead of {written}: a number needs a digit before the decimal point",
        "A naked decimal point is easy to miss when a regimen is read or printed, and turns 0.5 mg into 5 mg. " +
        "Numbers must have a digit before the point (ISMP do-not-use list). `regimen fix` adds the zero.",
        "cytarabine .5 g/m2 IV over 2 h q12h x 4 days 2-3",
        "cytarabine 0.5 g/m2 IV over 2 h q12h x 4 days 2-3");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "RL0003", "Unterminated string", DiagnosticFamily.Syntax, Severity.Error,
        "the string has no closing quote on this line",
        "A string starts and ends with a double quote on the same line. Inside it, write \\\" for a quote and \\\\ for a backslash.",
        "regimen \"POMP maintenance",
        "regimen \"POMP maintenance\"");

    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        "RL0004", "Character not allowed here", DiagnosticFamily.Syntax, Severity.Error,
        "the character {character} is not allowed here (U+{codePoint})",
        "Outside strings and comments a regimen uses letters, digits and the punctuation of the grammar ( , - / : % ( ) { } < > = ! ). " +
        "Other characters, such as typographic quotes or dashes pasted from a word processor, are reported.",
        "days 1–3",
        "days 1-3");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "RL0005", "Invalid UTF-8", DiagnosticFamily.Syntax, Severity.Error,
        "the file is not valid UTF-8 on this line (byte 0x{value} at byte offset {offset})",
        "Regimen files are UTF-8 text. A byte sequence that is not UTF-8 usually means the file was saved in a legacy encoding " +
        "(Windows-1252, Latin-1); save it as UTF-8.",
        "(a file saved as Windows-1252 with a µ sign)",
        "(the same file saved as UTF-8)");

    public static readonly DiagnosticDescriptor LineTooLong = new(
        "RL0006", "Line too long", DiagnosticFamily.Syntax, Severity.Error,
        "the line is {length} characters long; the limit is {limit}",
        "A statement fits on one line, and no real one comes near 10,000 characters. Longer lines are refused so that a damaged or generated file cannot make the tool slow.",
        "(a line of 20,000 characters)",
        "(one administration per line)");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "RL0007", "File too large", DiagnosticFamily.Syntax, Severity.Error,
        [
            "the file is {size} bytes; the limit is {limit} bytes",
            "the file is larger than {limit} bytes",
        ],
        "A regimen file over 10 MB is not a regimen; it is refused without being read into memory.",
        "(a 50 MB file)",
        "(one regimen per file)");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "RL0008", "Nesting too deep", DiagnosticFamily.Syntax, Severity.Error,
        [
            "parentheses are nested {depth} deep here; the limit is {limit}",
            "this line nests {depth} levels deep (not, and, or, parentheses, then, x); the limit is {limit}",
        ],
        "Conditions (`not`, `and`, `or`, parentheses) and plan sequences (`then`, `x N`, parentheses) may nest, but not more than 64 levels deep. " +
        "The limit protects the tool from damaged input: every later stage can then walk the tree without running out of stack.",
        "plan { main: ((((((A)))))) ... }",
        "plan { main: A }");

    public static readonly DiagnosticDescriptor UnclosedBlock = new(
        "RL0009", "Block not closed", DiagnosticFamily.Syntax, Severity.Error,
        "the {kind} '{name}' opened here is never closed with '}}'",
        "A `block`, `cycle` or `plan` opens with `{` at the end of its first line and closes with `}` alone on a later line.",
        "cycle A length 21 days {\n  vincristine 2 mg IV day 1",
        "cycle A length 21 days {\n  vincristine 2 mg IV day 1\n}");

    public static readonly DiagnosticDescriptor UnexpectedCloseBrace = new(
        "RL0010", "'}' without an open block", DiagnosticFamily.Syntax, Severity.Error,
        "this '}}' closes nothing: no block, cycle or plan is open",
        "Every `}` must close a `block`, `cycle` or `plan` opened earlier in the file.",
        "}\ncycle A length 21 days {",
        "cycle A length 21 days {\n}");

    public static readonly DiagnosticDescriptor DuplicateClause = new(
        "RL0011", "Clause given twice", DiagnosticFamily.Syntax, Severity.Error,
        "the '{clause}' clause is given twice on this line",
        "Each clause of an administration line (infusion, frequency, days, at, as, before/after, cap, round to, when, in cycle(s)/from cycle, note) " +
        "may appear at most once: a line is timed from one other line (`1 h before irinotecan` or `2 h after leucovorin`, not both). " +
        "Combine conditions with `and`/`or` instead of writing two `when` clauses.",
        "rituximab 375 mg/m2 IV days 1, 11 when cd20 >= 20% when age < 60",
        "rituximab 375 mg/m2 IV days 1, 11 when cd20 >= 20% and age < 60");

    public static readonly DiagnosticDescriptor MissingDays = new(
        "RL0012", "Administration without days", DiagnosticFamily.Syntax, Severity.Error,
        "the administration of {drug} names no days: add 'day N' or 'days N-M'",
        "Every administration line says on which days of the cycle it is given (`day 1`, `days 1-3`, `days 1, 8, 15`).",
        "vincristine 2 mg IV",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "RL0013", "Unknown escape in a string", DiagnosticFamily.Syntax, Severity.Error,
        "'\\{escape}' is not an escape: inside a string write \\\" for a quote and \\\\ for a backslash",
        "Strings know two escapes, `\\\"` and `\\\\`.",
        "note \"see C:\\protocols\"",
        "note \"see C:\\\\protocols\"");

    public static readonly DiagnosticDescriptor StatementNotAllowedHere = new(
        "RL0014", "Statement not allowed here", DiagnosticFamily.Syntax, Severity.Error,
        [
            "'include' belongs inside a cycle or block",
            "an administration line belongs inside a cycle or block",
            "blocks do not nest: close the open one with '}}' first",
        ],
        "Top-level statements (`regimen`, metadata, `input`, `block`, `cycle`, `limit`, `plan`) stand outside any block; " +
        "administration lines and `include` stand inside a `block` or `cycle`; phases stand inside `plan`.",
        "cycle A length 21 days {\n  cycle B length 21 days {",
        "cycle A length 21 days {\n}\ncycle B length 21 days {");

    public static readonly DiagnosticDescriptor InvalidNumber = new(
        "RL0015", "Number out of range", DiagnosticFamily.Syntax, Severity.Error,
        [
            "{what} must be a whole number, not {text}",
            "{what} must be from {min} to {max}, not {text}",
            "{what} must be greater than zero, not {text}",
            "{what} of {text} is beyond any real value (at most {max})",
            "'{written}' ends with a decimal point: write {fixed}",
            "the number {number} has more than {max} digits",
            "'{word}' needs an interval of at least 1 hour",
            "{word} repeats every day only when {hours} divides 24; write {word} x <count> for a fixed number of doses",
            "{word}: the interval may be at most {max} hours",
            "a clock time is from 00:00 to 23:59 with two-digit minutes, not {text}",
            "a timing offset may be at most 7 days, not {text}",
            "a timing offset must be greater than zero, not {text}: to start with the other line, write 'after {anchor} starts'",
            "an infusion may run at most 100 days, not {text}",
        ],
        "Cycle numbers, counts and lengths are whole numbers from 1 up (at most 100,000); day numbers are whole numbers from -365 to 100,000 " +
        "(0 and negative days come before day 1); doses, caps, rounding steps, limits and durations are positive decimals of at most " +
        "1,000,000,000 (far beyond any real value, so that every computation stays exact); an infusion runs at most 100 days; clock times " +
        "run from 00:00 to 23:59; a line is timed at most 7 days before or after another.",
        "vincristine 2 mg IV day 1.5",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor MoreFindings = new(
        "RL0016", "More findings not shown", DiagnosticFamily.Syntax, Severity.Info,
        [
            "{count} more findings are not shown ({errors}, {warnings}): only {limit} findings of a file are reported, errors first",
            "{count} more findings are not shown ({errors}, {warnings}, {infos}): only {limit} findings of a file are reported, errors first",
        ],
        "A damaged or generated file can hold thousands of mistakes; as compilers do, the tool reports at most 500 findings of a file " +
        "and counts the rest, so that output and memory stay small. When there are more, errors are shown before warnings (each in file " +
        "order), so a warning never hides an error; this finding says how many of each kind are not shown. The summary line and the exit " +
        "status count every finding, shown or not. Fix the first findings and check again.",
        "(a file of 10,000 broken lines)",
        "(fix the first findings, then check again)");

    private static IEnumerable<DiagnosticDescriptor> SyntaxFamily() =>
    [
        UnexpectedToken, LeadingDecimalPoint, UnterminatedString, InvalidCharacter, InvalidUtf8, LineTooLong,
        FileTooLarge, NestingTooDeep, UnclosedBlock, UnexpectedCloseBrace, DuplicateClause, MissingDays,
        InvalidEscape, StatementNotAllowedHere, InvalidNumber, MoreFindings,
    ];

    /// <summary>The words of a <see cref="NumberRole"/>.</summary>
    internal static string Words(NumberRole role) => role switch
    {
        NumberRole.Dose => "a dose",
        NumberRole.Cap => "a cap",
        NumberRole.RoundingStep => "a rounding step",
        NumberRole.Limit => "a limit",
        NumberRole.InfusionDuration => "an infusion duration",
        NumberRole.AucTarget => "an AUC target",
        NumberRole.DayNumber => "a day number",
        NumberRole.CycleNumber => "a cycle number",
        NumberRole.RepeatCount => "a repeat count",
        NumberRole.RestLength => "a rest length",
        NumberRole.CourseBound => "a bound of an open-ended course",
        NumberRole.CycleLength => "a cycle length",
        NumberRole.DoseCount => "a number of doses",
        NumberRole.DoseInterval => "an interval in days or weeks",
        NumberRole.RampStep => "the length of a ramp step",
        NumberRole.TimingOffset => "a timing offset",
        NumberRole.DoseLevel => "a dose level",
        NumberRole.DosePercentage => "a percentage of the full dose",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Advice for a word that is a known mistake rather than a random one (after "found ...").</summary>
    internal static string? Hint(string word) => word.ToLowerInvariant() switch
    {
        "cc" => "'cc' is on the do-not-use lists (read as 'u' or '00'); doses are a mass or units (mg, mcg, g, units), not a volume",
        "ml" => "doses are a mass or units (mg, mcg, g, units), not a volume",
        "intrathecal" or "intravenous" or "oral" or "subcutaneous" or "intramuscular" => "write the route's abbreviation (IT, IV, PO, SC, IM)",
        _ => null,
    };
}

public static partial class Diagnose
{
    private static string N(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <param name="expected">What could stand here, in words, best first; "the end of the line" is put last.</param>
    /// <param name="foundWord">The word found, when it is one, for advice on known mistakes.</param>
    public static Diagnostic Expected(SourceSpan at, IReadOnlyList<string> expected, string found, string? foundWord = null)
    {
        string hint = foundWord is not null && DiagnosticCatalog.Hint(foundWord) is { } h ? ": " + h : "";
        return expected.Count == 0
            ? DiagnosticCatalog.UnexpectedToken.Create(at, 1, ("found", found + hint))
            : DiagnosticCatalog.UnexpectedToken.Create(at, 0, ("expected", Words.JoinOr(expected)), ("found", found), ("hint", hint));
    }

    /// <summary>The count of the findings of a file that are not shown, by severity.</summary>
    public static Diagnostic MoreFindings(SourceSpan at, FindingCounts hidden, int limit) =>
        DiagnosticCatalog.MoreFindings.Create(at, hidden.Infos == 0 ? 0 : 1,
            ("count", hidden.Total.ToString("#,0", CultureInfo.InvariantCulture)),
            ("errors", Words.Count(hidden.Errors, "error")),
            ("warnings", Words.Count(hidden.Warnings, "warning")),
            ("infos", Words.Count(hidden.Infos, "info finding")),
            ("limit", limit.ToString("#,0", CultureInfo.InvariantCulture)));

    public static Diagnostic UnitOutOfOrder(SourceSpan at) => DiagnosticCatalog.UnexpectedToken.Create(at, 2);

    public static Diagnostic CountWithoutInterval(SourceSpan at, string frequency) =>
        DiagnosticCatalog.UnexpectedToken.Create(at, 3, ("word", frequency));

    public static Diagnostic LeadingDecimalPoint(SourceSpan at, string written) =>
        DiagnosticCatalog.LeadingDecimalPoint.Create(at, ("fixed", "0" + written), ("written", written))
            .WithFix(CodeFix.Replace($"write 0{written}", at, "0" + written));

    public static Diagnostic UnterminatedString(SourceSpan at) => DiagnosticCatalog.UnterminatedString.Create(at);

    public static Diagnostic InvalidCharacter(SourceSpan at, int codePoint)
    {
        var d = DiagnosticCatalog.InvalidCharacter.Create(at, ("character", DescribeCharacter(codePoint)),
            ("codePoint", codePoint.ToString("X4", CultureInfo.InvariantCulture)));
        string? replacement = codePoint switch
        {
            0x2013 or 0x2014 => "-",
            0x201C or 0x201D => "\"",
            0x2265 => ">=",
            0x2264 => "<=",
            _ => null,
        };
        return replacement is null ? d : d.WithFix(CodeFix.Replace($"write {replacement}", at, replacement));
    }

    public static Diagnostic InvalidUtf8(SourceSpan at, byte value, long offset) =>
        DiagnosticCatalog.InvalidUtf8.Create(at, ("value", value.ToString("X2", CultureInfo.InvariantCulture)), ("offset", offset));

    public static Diagnostic LineTooLong(SourceSpan at, int length, int limit) =>
        DiagnosticCatalog.LineTooLong.Create(at, ("length", length), ("limit", limit));

    public static Diagnostic FileTooLarge(SourceSpan at, long size, long limit) =>
        DiagnosticCatalog.FileTooLarge.Create(at, ("size", size), ("limit", limit));

    public static Diagnostic FileOverLimit(SourceSpan at, long limit) =>
        DiagnosticCatalog.FileTooLarge.Create(at, 1, ("limit", limit));

    public static Diagnostic ParenthesesTooDeep(SourceSpan at, int depth, int limit) =>
        DiagnosticCatalog.NestingTooDeep.Create(at, 0, ("depth", depth), ("limit", limit));

    public static Diagnostic NestingTooDeep(SourceSpan at, int depth, int limit) =>
        DiagnosticCatalog.NestingTooDeep.Create(at, 1, ("depth", depth), ("limit", limit));

    public static Diagnostic UnclosedBlock(SourceSpan at, string kind, string name) =>
        DiagnosticCatalog.UnclosedBlock.Create(at, ("kind", kind), ("name", name));

    public static Diagnostic UnexpectedCloseBrace(SourceSpan at) => DiagnosticCatalog.UnexpectedCloseBrace.Create(at);

    public static Diagnostic DuplicateClause(SourceSpan at, string clause) => DiagnosticCatalog.DuplicateClause.Create(at, ("clause", clause));

    public static Diagnostic MissingDays(SourceSpan at, string drug) => DiagnosticCatalog.MissingDays.Create(at, ("drug", drug));

    public static Diagnostic InvalidEscape(SourceSpan at, char escape) => DiagnosticCatalog.InvalidEscape.Create(at, ("escape", escape));

    public static Diagnostic IncludeOutsideBlock(SourceSpan at) => DiagnosticCatalog.StatementNotAllowedHere.Create(at, 0);

    public static Diagnostic AdministrationOutsideBlock(SourceSpan at) => DiagnosticCatalog.StatementNotAllowedHere.Create(at, 1);

    public static Diagnostic NestedBlock(SourceSpan at) => DiagnosticCatalog.StatementNotAllowedHere.Create(at, 2);

    public static Diagnostic NotWholeNumber(SourceSpan at, NumberRole role, string text) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 0, ("what", DiagnosticCatalog.Words(role)), ("text", text));

    public static Diagnostic NumberOutOfRange(SourceSpan at, NumberRole role, string text, long min, long max) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 1, ("what", DiagnosticCatalog.Words(role)), ("min", N(min)), ("max", N(max)), ("text", text));

    public static Diagnostic NotPositive(SourceSpan at, NumberRole role, string text) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 2, ("what", DiagnosticCatalog.Words(role)), ("text", text));

    public static Diagnostic BeyondAnyRealValue(SourceSpan at, NumberRole role, string text, decimal max) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 3, ("what", DiagnosticCatalog.Words(role)), ("text", text), ("max", N(max)));

    public static Diagnostic TrailingDecimalPoint(SourceSpan at, string written) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 4, ("written", written), ("fixed", written.TrimEnd('.')))
            .WithFix(CodeFix.Replace($"write {written.TrimEnd('.')}", at, written.TrimEnd('.')));

    public static Diagnostic TooManyDigits(SourceSpan at, string number, int max) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 5, ("number", number.Length <= 12 ? number : number[..12] + "..."), ("max", max));

    public static Diagnostic IntervalTooShort(SourceSpan at, string word) => DiagnosticCatalog.InvalidNumber.Create(at, 6, ("word", word));

    public static Diagnostic IntervalMustDivideDay(SourceSpan at, string word, int hours) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 7, ("word", word), ("hours", hours));

    public static Diagnostic IntervalTooLong(SourceSpan at, string word, int max) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 8, ("word", word), ("max", max));

    public static Diagnostic InvalidClockTime(SourceSpan at, string text) => DiagnosticCatalog.InvalidNumber.Create(at, 9, ("text", text));

    public static Diagnostic OffsetTooLong(SourceSpan at, string text) => DiagnosticCatalog.InvalidNumber.Create(at, 10, ("text", text));

    public static Diagnostic InfusionTooLong(SourceSpan at, string text) => DiagnosticCatalog.InvalidNumber.Create(at, 12, ("text", text));

    public static Diagnostic ZeroOffset(SourceSpan at, string text, string anchor) =>
        DiagnosticCatalog.InvalidNumber.Create(at, 11, ("text", text), ("anchor", anchor));

    private static string DescribeCharacter(int codePoint) => codePoint switch
    {
        0x2013 or 0x2014 => $"'{char.ConvertFromUtf32(codePoint)}' (a typographic dash: write -)",
        0x201C or 0x201D or 0x2018 or 0x2019 => $"'{char.ConvertFromUtf32(codePoint)}' (a typographic quote: write \")",
        0x2265 => "'\u2265' (write >=)",
        0x2264 => "'\u2264' (write <=)",
        _ when codePoint < 0x20 || codePoint == 0x7F => "a control character",
        _ when codePoint is >= 0xD800 and <= 0xDFFF => "a lone surrogate",
        _ => $"'{char.ConvertFromUtf32(codePoint)}'",
    };
}
