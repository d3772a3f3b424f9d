namespace RegimenLang.Diagnostics;

/// <summary>
/// Every diagnostic code the tool can report, in one place. Codes are stable: a code is never reused
/// for another meaning. Families: RL0xxx syntax, RL1xxx names and structure, RL2xxx schedule,
/// RL3xxx dose safety, RL4xxx intervals, RL5xxx error-prone notation, RL6xxx evaluation.
/// </summary>
public static partial class DiagnosticCatalog
{
    // ---- RL0xxx: syntax -------------------------------------------------------------------

    public static readonly DiagnosticDescriptor UnexpectedToken = new(
        "RL0001", "Unexpected text", Severity.Error,
        "{0}",
        "The line does not follow the grammar of its statement. The message names what the parser expected at that column, " +
        "in words (for example a route such as IV, PO or IT). Parsing resumes at the next line, so every error in the file is reported in one run.",
        "vincristine 2 mg day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor LeadingDecimalPoint = new(
        "RL0002", "Number without a leading digit", Severity.Error,
        "write {0} instead of {1}: a number needs a digit before the decimal point",
        "A naked decimal point is easy to miss when a regimen is read or printed, and turns 0.5 mg into 5 mg. " +
        "Numbers must have a digit before the point (ISMP do-not-use list).",
        "cytarabine .5 g/m2 IV over 2 h q12h x 4 days 2-3",
        "cytarabine 0.5 g/m2 IV over 2 h q12h x 4 days 2-3");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "RL0003", "Unterminated string", Severity.Error,
        "the string has no closing quote on this line",
        "A string starts and ends with a double quote on the same line. Inside it, write \\\" for a quote and \\\\ for a backslash.",
        "regimen \"POMP maintenance",
        "regimen \"POMP maintenance\"");

    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        "RL0004", "Character not allowed here", Severity.Error,
        "the character {0} is not allowed here (U+{1:X4})",
        "Outside strings and comments a regimen uses letters, digits and the punctuation of the grammar ( , - / : % ( ) { } < > = ! ). " +
        "Other characters, such as typographic quotes or dashes pasted from a word processor, are reported.",
        "days 1–3",
        "days 1-3");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "RL0005", "Invalid UTF-8", Severity.Error,
        "the file is not valid UTF-8 on this line (byte 0x{0:X2} at byte offset {1})",
        "Regimen files are UTF-8 text. A byte sequence that is not UTF-8 usually means the file was saved in a legacy encoding " +
        "(Windows-1252, Latin-1); save it as UTF-8.",
        "(a file saved as Windows-1252 with a µ sign)",
        "(the same file saved as UTF-8)");

    public static readonly DiagnosticDescriptor LineTooLong = new(
        "RL0006", "Line too long", Severity.Error,
        "the line is {0} characters long; the limit is {1}",
        "A statement fits on one line, and no real one comes near 10,000 characters. Longer lines are refused so that a damaged or generated file cannot make the tool slow.",
        "(a line of 20,000 characters)",
        "(one administration per line)");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "RL0007", "File too large", Severity.Error,
        "the file is {0} bytes; the limit is {1} bytes",
        "A regimen file over 10 MB is not a regimen; it is refused without being read into memory.",
        "(a 50 MB file)",
        "(one regimen per file)");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "RL0008", "Nesting too deep", Severity.Error,
        "parentheses are nested {0} deep here; the limit is {1}",
        "Conditions and plan sequences may use parentheses, but not more than 64 deep. The limit protects the tool from damaged input.",
        "plan { main: ((((((A)))))) ... }",
        "plan { main: A }");

    public static readonly DiagnosticDescriptor UnclosedBlock = new(
        "RL0009", "Block not closed", Severity.Error,
        "the {0} '{1}' opened here is never closed with '}}'",
        "A `block`, `cycle` or `plan` opens with `{` at the end of its first line and closes with `}` alone on a later line.",
        "cycle A length 21 days {\n  vincristine 2 mg IV day 1",
        "cycle A length 21 days {\n  vincristine 2 mg IV day 1\n}");

    public static readonly DiagnosticDescriptor UnexpectedCloseBrace = new(
        "RL0010", "'}' without an open block", Severity.Error,
        "this '}}' closes nothing: no block, cycle or plan is open",
        "Every `}` must close a `block`, `cycle` or `plan` opened earlier in the file.",
        "}\ncycle A length 21 days {",
        "cycle A length 21 days {\n}");

    public static readonly DiagnosticDescriptor DuplicateClause = new(
        "RL0011", "Clause given twice", Severity.Error,
        "the '{0}' clause is given twice on this line",
        "Each clause of an administration line (infusion, frequency, days, cap, round to, when, in cycle(s)/from cycle, note) may appear at most once. " +
        "Combine conditions with `and`/`or` instead of writing two `when` clauses.",
        "rituximab 375 mg/m2 IV days 1, 11 when cd20 >= 20% when age < 60",
        "rituximab 375 mg/m2 IV days 1, 11 when cd20 >= 20% and age < 60");

    public static readonly DiagnosticDescriptor MissingDays = new(
        "RL0012", "Administration without days", Severity.Error,
        "the administration of {0} names no days: add 'day N' or 'days N-M'",
        "Every administration line says on which days of the cycle it is given (`day 1`, `days 1-3`, `days 1, 8, 15`).",
        "vincristine 2 mg IV",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "RL0013", "Unknown escape in a string", Severity.Error,
        "'\\{0}' is not an escape: inside a string write \\\" for a quote and \\\\ for a backslash",
        "Strings know two escapes, `\\\"` and `\\\\`.",
        "note \"see C:\\protocols\"",
        "note \"see C:\\\\protocols\"");

    public static readonly DiagnosticDescriptor StatementNotAllowedHere = new(
        "RL0014", "Statement not allowed here", Severity.Error,
        "{0}",
        "Top-level statements (`regimen`, metadata, `input`, `block`, `cycle`, `limit`, `plan`) stand outside any block; " +
        "administration lines and `include` stand inside a `block` or `cycle`; phases stand inside `plan`.",
        "cycle A length 21 days {\n  cycle B length 21 days {",
        "cycle A length 21 days {\n}\ncycle B length 21 days {");

    public static readonly DiagnosticDescriptor InvalidNumber = new(
        "RL0015", "Number out of range", Severity.Error,
        "{0}",
        "Day numbers, cycle numbers, counts and lengths are whole numbers from 1 up (at most 100,000); doses, caps, rounding steps, limits and durations are positive " +
        "decimals of at most 1,000,000,000 (far beyond any real value, so that every computation stays exact).",
        "vincristine 2 mg IV day 0",
        "vincristine 2 mg IV day 1");

    // ---- RL1xxx: names and structure --------------------------------------------------------

    public static readonly DiagnosticDescriptor UnknownDrug = new(
        "RL1001", "Unknown drug", Severity.Error,
        "'{0}' is not a drug in the formulary{1}",
        "Drug names are matched, ignoring case, against the formulary's names and aliases (brand names, abbreviations such as 6-MP or ara-C). " +
        "A misspelt drug is an error, with the closest known names suggested. Add local drugs with `--formulary FILE`.",
        "vincristin 2 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor UnknownCycle = new(
        "RL1002", "Unknown cycle", Severity.Error,
        "the plan names a cycle '{0}' that is not defined{1}",
        "Every name in a plan sequence must be a `cycle` defined in the same file.",
        "plan {\n  induction: hcvad x 2\n}",
        "cycle hcvad length 21 days {\n  ...\n}\nplan {\n  induction: hcvad x 2\n}");

    public static readonly DiagnosticDescriptor UnknownBlock = new(
        "RL1003", "Unknown block", Severity.Error,
        "'include {0}' names a block that is not defined{1}",
        "`include NAME` splices the lines of `block NAME { ... }` into a cycle or block; the block must be defined in the same file.",
        "include inotuzumab-fractions",
        "block inotuzumab-fractions {\n  ...\n}");

    public static readonly DiagnosticDescriptor UnknownFact = new(
        "RL1004", "Unknown patient fact", Severity.Error,
        "'{0}' is neither a built-in patient fact (age, weight, height, bsa, sex, crcl) nor a declared input{1}",
        "A `when` condition may use the built-in facts age, weight, height, bsa, sex and crcl, and any fact declared with `input NAME: TYPE`.",
        "rituximab 375 mg/m2 IV day 1 when cd20 >= 20%",
        "input cd20: percent \"CD20 expression on blasts\"\n...\nrituximab 375 mg/m2 IV day 1 when cd20 >= 20%");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "RL1005", "Duplicate name", Severity.Error,
        "the {0} '{1}' is already defined {2}",
        "Cycles, blocks, inputs and plan phases each need a unique name (names are compared ignoring case).",
        "cycle A length 21 days {\n}\ncycle A length 28 days {\n}",
        "cycle A length 21 days {\n}\ncycle B length 28 days {\n}");

    public static readonly DiagnosticDescriptor IncludeCycle = new(
        "RL1006", "Blocks include each other", Severity.Error,
        "block '{0}' includes itself through {1}",
        "A block may include other blocks, but never, directly or through others, itself: the expansion would never end.",
        "block a {\n  include b\n}\nblock b {\n  include a\n}",
        "block a {\n  inotuzumab 0.3 mg/m2 IV day 8\n}");

    public static readonly DiagnosticDescriptor UnusedCycle = new(
        "RL1007", "Cycle not used by the plan", Severity.Warning,
        "cycle '{0}' is defined but the plan never gives it",
        "A cycle that no phase of the plan names is never given. It is usually a leftover or a typo in the plan.",
        "cycle spare length 21 days {\n  ...\n}",
        "(use it in the plan, or delete it)");

    public static readonly DiagnosticDescriptor MissingHeader = new(
        "RL1008", "Missing regimen header", Severity.Error,
        "the file has no 'regimen \"<title>\"' header",
        "Every regimen file starts with `regimen \"<title>\"`, so that every timeline and report says which regimen it is.",
        "cycle A length 21 days {",
        "regimen \"Hyper-CVAD\"\ncycle A length 21 days {");

    public static readonly DiagnosticDescriptor MissingPlan = new(
        "RL1009", "Missing plan", Severity.Error,
        "the regimen has no 'plan {{ ... }}': nothing says in which order its cycles are given",
        "A `plan` block lists the phases of the regimen and the order of their cycles (`induction: (A then B) x 4`). Without it there is no timeline.",
        "regimen \"POMP\"\ncycle pomp length 28 days {\n  ...\n}",
        "regimen \"POMP\"\ncycle pomp length 28 days {\n  ...\n}\nplan {\n  maintenance: pomp x 12\n}");

    public static readonly DiagnosticDescriptor DuplicateSingleton = new(
        "RL1010", "Statement given twice", Severity.Error,
        "a regimen has one {0}; another was given on line {1}",
        "A file has exactly one `regimen` header and at most one `plan`.",
        "plan {\n}\nplan {\n}",
        "plan {\n}");

    public static readonly DiagnosticDescriptor UnknownMetadataKey = new(
        "RL1011", "Unknown metadata key", Severity.Error,
        "'{0}' is not a metadata key{1}; the keys are id, indication, population, version, author, status and source",
        "Metadata lines are `key: value` with one of the keys id, indication, population, version, author, status, source.",
        "sauce: NCT02877303",
        "source: NCT02877303");

    public static readonly DiagnosticDescriptor DuplicateMetadata = new(
        "RL1012", "Metadata key given twice", Severity.Error,
        "'{0}' is already given on line {1}; only 'source' may repeat",
        "Each metadata key except `source` is given at most once.",
        "status: draft\nstatus: review",
        "status: review");

    public static readonly DiagnosticDescriptor InvalidMetadataValue = new(
        "RL1013", "Invalid metadata value", Severity.Error,
        "{0}",
        "`id` is an identifier; `status` is draft, review, approved or retired; each `source` is an NCT number (NCT + 8 digits), " +
        "`doi:10.x/...`, `pmid:NNNN` or an `https://` URL, so that a reviewer can follow it.",
        "source: Kantarjian 2018",
        "source: doi:10.1016/S1470-2045(18)30011-1");

    public static readonly DiagnosticDescriptor HeaderNotFirst = new(
        "RL1014", "Header not first", Severity.Error,
        "the 'regimen' header must be the first statement of the file",
        "The `regimen \"<title>\"` header comes before any other statement (comments may precede it).",
        "id: pomp\nregimen \"POMP\"",
        "regimen \"POMP\"\nid: pomp");

    public static readonly DiagnosticDescriptor UnusedBlock = new(
        "RL1015", "Block never included", Severity.Warning,
        "block '{0}' is defined but no cycle includes it",
        "A block's lines are only given where a cycle (or a block a cycle includes) says `include NAME`.",
        "block ino {\n  ...\n}",
        "cycle A length 28 days {\n  include ino\n}");

    public static readonly DiagnosticDescriptor UnusedInput = new(
        "RL1016", "Input never used", Severity.Warning,
        "input '{0}' is declared but no condition uses it",
        "An input is a patient fact the regimen branches on; one no `when` uses asks the user for a value that changes nothing.",
        "input cd20: percent",
        "(use it in a `when`, or delete it)");

    public static readonly DiagnosticDescriptor ConditionTypeMismatch = new(
        "RL1017", "Condition compares unlike things", Severity.Error,
        "{0}",
        "A comparison's quantity must fit the fact: `age` in years (a plain number), `weight` in kg, `height` in cm, `bsa` in m2, `crcl` in mL/min, " +
        "a percent input with `%`, a number input with a plain number or its declared unit. `sex` is compared with `=`/`!=` to female or male, and a flag stands alone.",
        "when weight < 45%",
        "when weight < 45 kg");

    public static readonly DiagnosticDescriptor EmptyPlan = new(
        "RL1018", "Empty cycle, block or plan", Severity.Warning,
        "the {0} '{1}' is empty",
        "A cycle with no administration lines gives nothing (use `rest` in the plan for a treatment-free gap); an empty plan gives no cycle at all.",
        "cycle gap length 14 days {\n}",
        "plan {\n  main: A then rest 14 days then B\n}");

    public static readonly DiagnosticDescriptor InvalidFormulary = new(
        "RL1020", "Invalid formulary file", Severity.Error,
        "{0}",
        "A formulary file (the shipped one or one given with `--formulary`) is YAML with a `drugs:` list. Each drug has a name, aliases, class, routes and a `source`; " +
        "limits, usual doses and intervals each carry their own `source`. Unknown keys, quantities that are not doses (`2 mg`, `1.8 mg/m2`, `28 mcg/day`), " +
        "unknown routes and missing sources are errors at their line and column, so that no number enters the checker unexplained.",
        "drugs:\n  - name: vincristine\n    routes: [IV]\n    limits:\n      - per: administration\n        max: 2",
        "drugs:\n  - name: vincristine\n    routes: [IV]\n    source: \"vincristine label\"\n    limits:\n      - per: administration\n        max: 2 mg\n        source: \"vincristine label\"");

    /// <summary>The whole catalogue, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all.Value;

    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> s_all = new(() =>
        [.. Syntax().Concat(Names()).Concat(Rules()).Concat(Later()).OrderBy(d => d.Code, StringComparer.Ordinal)]);

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<DiagnosticDescriptor> Syntax() =>
    [
        UnexpectedToken, LeadingDecimalPoint, UnterminatedString, InvalidCharacter, InvalidUtf8, LineTooLong,
        FileTooLarge, NestingTooDeep, UnclosedBlock, UnexpectedCloseBrace, DuplicateClause, MissingDays,
        InvalidEscape, StatementNotAllowedHere, InvalidNumber,
    ];

    private static IEnumerable<DiagnosticDescriptor> Names() =>
    [
        UnknownDrug, UnknownCycle, UnknownBlock, UnknownFact, DuplicateName, IncludeCycle, UnusedCycle, MissingHeader,
        MissingPlan, DuplicateSingleton, UnknownMetadataKey, DuplicateMetadata, InvalidMetadataValue, HeaderNotFirst,
        UnusedBlock, UnusedInput, ConditionTypeMismatch, EmptyPlan, InvalidFormulary,
    ];

    /// <summary>Families added by later stages (schedule, dose safety, intervals, notation, evaluation).</summary>
    private static partial IEnumerable<DiagnosticDescriptor> Later();
}
