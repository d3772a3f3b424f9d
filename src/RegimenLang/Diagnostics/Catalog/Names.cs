using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL1xxx: names and structure --------------------------------------------------------

    public static readonly DiagnosticDescriptor UnknownDrug = new(
        "RL1001", "Unknown drug", DiagnosticFamily.Names, Severity.Error,
        "'{drug}' is not a drug in the formulary{suggestion}",
        "Drug names are matched, ignoring case, against the formulary's names and aliases (brand names, abbreviations such as 6-MP or ara-C). " +
        "A misspelt drug is an error, with the closest known names suggested (`regimen fix` takes the suggestion when there is exactly one). " +
        "Add local drugs with `--formulary FILE` or in regimen.yaml.",
        "vincristin 2 mg IV day 1",
        "vincristine 2 mg IV day 1");

    public static readonly DiagnosticDescriptor UnknownCycle = new(
        "RL1002", "Unknown cycle", DiagnosticFamily.Names, Severity.Error,
        "the plan names a cycle '{cycle}' that is not defined{suggestion}",
        "Every name in a plan sequence must be a `cycle` defined in the same file.",
        "plan {\n  induction: hcvad x 2\n}",
        "cycle hcvad length 21 days {\n  ...\n}\nplan {\n  induction: hcvad x 2\n}");

    public static readonly DiagnosticDescriptor UnknownBlock = new(
        "RL1003", "Unknown block", DiagnosticFamily.Names, Severity.Error,
        "'include {block}' names a block that is not defined{suggestion}",
        "`include NAME` splices the lines of `block NAME { ... }` into a cycle or block; the block must be defined in the same file.",
        "include inotuzumab-fractions",
        "block inotuzumab-fractions {\n  ...\n}");

    public static readonly DiagnosticDescriptor UnknownFact = new(
        "RL1004", "Unknown patient fact", DiagnosticFamily.Names, Severity.Error,
        "'{fact}' is neither a built-in patient fact ({builtIns}) nor a declared input{suggestion}",
        "A `when` condition may use the built-in facts age, weight, height, bsa, sex and crcl, and any fact declared with `input NAME: TYPE`.",
        "rituximab 375 mg/m2 IV day 1 when cd20 >= 20%",
        "input cd20: percent \"CD20 expression on blasts\"\n...\nrituximab 375 mg/m2 IV day 1 when cd20 >= 20%");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "RL1005", "Duplicate name", DiagnosticFamily.Names, Severity.Error,
        [
            "the {kind} '{name}' is already defined on line {line}",
            "the {kind} '{name}' is already defined as a built-in patient fact",
        ],
        "Cycles, blocks, inputs and plan phases each need a unique name (names are compared ignoring case).",
        "cycle A length 21 days {\n}\ncycle A length 28 days {\n}",
        "cycle A length 21 days {\n}\ncycle B length 28 days {\n}");

    public static readonly DiagnosticDescriptor IncludeCycle = new(
        "RL1006", "Blocks include each other", DiagnosticFamily.Names, Severity.Error,
        "block '{block}' includes itself through {chain}",
        "A block may include other blocks, but never, directly or through others, itself: the expansion would never end.",
        "block a {\n  include b\n}\nblock b {\n  include a\n}",
        "block a {\n  inotuzumab 0.3 mg/m2 IV day 8\n}");

    public static readonly DiagnosticDescriptor UnusedCycle = new(
        "RL1007", "Cycle not used by the plan", DiagnosticFamily.Names, Severity.Warning,
        "cycle '{cycle}' is defined but the plan never gives it",
        "A cycle that no phase of the plan names is never given. It is usually a leftover or a typo in the plan.",
        "cycle spare length 21 days {\n  ...\n}",
        "(use it in the plan, or delete it)");

    public static readonly DiagnosticDescriptor MissingHeader = new(
        "RL1008", "Missing regimen header", DiagnosticFamily.Names, Severity.Error,
        "the file has no 'regimen \"<title>\"' header",
        "Every regimen file starts with `regimen \"<title>\"`, so that every timeline and report says which regimen it is.",
        "cycle A length 21 days {",
        "regimen \"Hyper-CVAD\"\ncycle A length 21 days {");

    public static readonly DiagnosticDescriptor MissingPlan = new(
        "RL1009", "Missing plan", DiagnosticFamily.Names, Severity.Error,
        "the regimen has no 'plan {{ ... }}': nothing says in which order its cycles are given",
        "A `plan` block lists the phases of the regimen and the order of their cycles (`induction: (A then B) x 4`). Without it there is no timeline.",
        "regimen \"POMP\"\ncycle pomp length 28 days {\n  ...\n}",
        "regimen \"POMP\"\ncycle pomp length 28 days {\n  ...\n}\nplan {\n  maintenance: pomp x 12\n}");

    public static readonly DiagnosticDescriptor DuplicateSingleton = new(
        "RL1010", "Statement given twice", DiagnosticFamily.Names, Severity.Error,
        "a regimen has one {what}; another was given on line {line}",
        "A file has exactly one `regimen` header and at most one `plan`.",
        "plan {\n}\nplan {\n}",
        "plan {\n}");

    public static readonly DiagnosticDescriptor UnknownMetadataKey = new(
        "RL1011", "Unknown metadata key", DiagnosticFamily.Names, Severity.Error,
        "'{key}' is not a metadata key{suggestion}; the keys are id, indication, population, version, author, status and source",
        "Metadata lines are `key: value` with one of the keys id, indication, population, version, author, status, source.",
        "sauce: NCT02877303",
        "source: NCT02877303");

    public static readonly DiagnosticDescriptor DuplicateMetadata = new(
        "RL1012", "Metadata key given twice", DiagnosticFamily.Names, Severity.Error,
        "'{key}' is already given on line {line}; only 'source' may repeat",
        "Each metadata key except `source` is given at most once.",
        "status: draft\nstatus: review",
        "status: review");

    public static readonly DiagnosticDescriptor InvalidMetadataValue = new(
        "RL1013", "Invalid metadata value", DiagnosticFamily.Names, Severity.Error,
        [
            "'{key}' has no value",
            "an id is one word of letters, digits, '-' or '_' starting with a letter, not '{value}'",
            "status is draft, review, approved or retired, not '{value}'",
            "'{value}' is not a source a reviewer can follow: write an NCT number (NCT01371630), doi:10.x/..., pmid:NNNN or an https:// URL",
        ],
        "`id` is an identifier; `status` is draft, review, approved or retired; each `source` is an NCT number (NCT + 8 digits), " +
        "`doi:10.x/...`, `pmid:NNNN` or an `https://` URL, so that a reviewer can follow it.",
        "source: Kantarjian 2018",
        "source: doi:10.1016/S1470-2045(18)30011-1");

    public static readonly DiagnosticDescriptor HeaderNotFirst = new(
        "RL1014", "Header not first", DiagnosticFamily.Names, Severity.Error,
        "the 'regimen' header must be the first statement of the file",
        "The `regimen \"<title>\"` header comes before any other statement (comments may precede it).",
        "id: pomp\nregimen \"POMP\"",
        "regimen \"POMP\"\nid: pomp");

    public static readonly DiagnosticDescriptor UnusedBlock = new(
        "RL1015", "Block never included", DiagnosticFamily.Names, Severity.Warning,
        "block '{block}' is defined but no cycle includes it",
        "A block's lines are only given where a cycle (or a block a cycle includes) says `include NAME`.",
        "block ino {\n  ...\n}",
        "cycle A length 28 days {\n  include ino\n}");

    public static readonly DiagnosticDescriptor UnusedInput = new(
        "RL1016", "Input never used", DiagnosticFamily.Names, Severity.Warning,
        "input '{input}' is declared but no condition uses it",
        "An input is a patient fact the regimen branches on; one no `when` uses asks the user for a value that changes nothing.",
        "input cd20: percent",
        "(use it in a `when`, or delete it)");

    public static readonly DiagnosticDescriptor ConditionTypeMismatch = new(
        "RL1017", "Condition compares unlike things", DiagnosticFamily.Names, Severity.Error,
        [
            "'{fact}' is not a flag: compare it, e.g. {example}",
            "'{fact}' is a flag: write '{fact}' or 'not {fact}' instead of comparing it",
            "'{fact}' is compared with = or !=, as in {example}",
            "'{fact}' is {values}, not '{word}'",
            "'{fact}' is {values}, as in {example}",
            "'{fact}' is compared with a number, not '{word}': e.g. {example}",
            "'{fact}' needs a unit: write {suggestion}",
            "'{fact}' is measured in {unit}, not {written}: e.g. {example}",
        ],
        "A comparison's quantity must fit the fact: `age` in years (a plain number), `weight` in kg, `height` in cm, `bsa` in m2, `crcl` in mL/min, " +
        "a percent input with `%`, a number input with a plain number or its declared unit. `sex` is compared with `=`/`!=` to female or male, and a flag stands alone.",
        "when weight < 45%",
        "when weight < 45 kg");

    public static readonly DiagnosticDescriptor EmptyPlan = new(
        "RL1018", "Empty cycle, block or plan", DiagnosticFamily.Names, Severity.Warning,
        "the {kind} '{name}' is empty",
        "A cycle with no administration lines gives nothing (use `rest` in the plan for a treatment-free gap); an empty plan gives no cycle at all. " +
        "A cycle whose lines all come from a phase block (`phase maintenance { imatinib 600 mg PO throughout }`) is not empty: it sets the " +
        "length of the cycles the phase block's lines run across.",
        "cycle gap length 14 days {\n}",
        "plan {\n  main: A then rest 14 days then B\n}");

    public static readonly DiagnosticDescriptor CycleTooLarge = new(
        "RL1019", "Cycle too large", DiagnosticFamily.Names, Severity.Error,
        "the {kind} '{name}' holds more than {max} administration lines once its blocks are included; only the first {max} are checked and laid out",
        "A cycle (or block) may hold at most 10,000 administration lines once every `include` is spliced in: far beyond any regimen, " +
        "and a bound on what a fan of includes (a block included ten times in a block included ten times, and so on) may multiply into. " +
        "The lines past the limit are neither checked nor expanded, and the rules that need the whole cycle say nothing about it.",
        "block b1 {\n  vincristine 2 mg IV day 1\n  ... (100 lines)\n}\nblock b2 {\n  include b1\n  ... (include b1 200 times)\n}",
        "Split the treatment into cycles of realistic size; include each block once per cycle.");

    public static readonly DiagnosticDescriptor UnknownAnchor = new(
        "RL1021", "Unknown anchor", DiagnosticFamily.Names, Severity.Error,
        "'{anchor}' names no line of {kind} '{container}': no line is labelled 'as {anchor}' and none gives that drug{suggestion}",
        "A line timed from another (`30 min before rituximab`, `after mtx-load ends`) names that line by the label it was given with `as`, " +
        "or by its drug. The line must stand in the same cycle or phase block (or a block they include). An unknown name is reported " +
        "once per cycle or phase block, at its first use, and not at all when a line that could not be read gives that drug or label " +
        "(its own error says what is wrong).",
        "cycle A length 21 days {\n  acetaminophen 650 mg PO 30 min before rituximab day 1\n}",
        "cycle A length 21 days {\n  acetaminophen 650 mg PO 30 min before rituximab day 1\n  rituximab 375 mg/m2 IV day 1\n}");

    public static readonly DiagnosticDescriptor AnchorCircle = new(
        "RL1022", "Lines timed from each other", DiagnosticFamily.Names, Severity.Error,
        "these lines are timed from each other in a circle: {chain}",
        "A line timed from another needs that line's time first; lines timed from each other have no time at all. Time one of them by the clock (`at 08:00`) or by its days alone.",
        "cytarabine 1 g/m2 IV over 3 h day 1 as ara-c after mtx ends\nmethotrexate 200 mg/m2 IV over 2 h day 1 as mtx after ara-c ends",
        "methotrexate 200 mg/m2 IV over 2 h day 1 as mtx\ncytarabine 1 g/m2 IV over 3 h after mtx ends");

    public static readonly DiagnosticDescriptor UnknownPhase = new(
        "RL1023", "Unknown phase", DiagnosticFamily.Names, Severity.Error,
        [
            "'phase {phase}' names no phase of the plan{suggestion}",
            "the lines of phase '{phase}' are already given on line {line}: put them in one phase block",
        ],
        "A `phase NAME { ... }` block holds lines that run across the cycles of the plan's phase NAME (a drug taken every day of induction, " +
        "a dose every 14 days, a ramp-up that crosses cycles). NAME must be a phase of the plan, given once.",
        "phase induciton {\n  dasatinib 140 mg PO throughout\n}\nplan {\n  induction: A x 2\n}",
        "phase induction {\n  dasatinib 140 mg PO throughout\n}\nplan {\n  induction: A x 2\n}");

    public static readonly DiagnosticDescriptor InvalidFormulary = new(
        "RL1020", "Invalid formulary file", DiagnosticFamily.Names, Severity.Error,
        [
            .. YamlForms,
            "a formulary file needs a 'drugs:' list",
            "every drug needs a 'name'",
            "{drug}: a name is one word of letters, digits, '-' or '_' (write spaces as '-')",
            "{drug}: alias '{alias}' must be one word of letters, digits, '-' or '_'",
            "'{word}' already names the drug '{other}' in this file",
            "{drug} needs 'routes' (some of IV, PO, SC, IM, IT, CIV)",
            "{drug}: '{text}' is not a route; the routes are IV, PO, SC, IM, IT and CIV",
            "{drug} needs a 'class'",
            "{drug}: a forbidden route needs a 'reason'",
            "{drug}: {route} is listed both as a route and as a forbidden route",
            "{drug}: 'per' is administration, day, cycle or lifetime, not '{per}'",
            "{drug}: '{text}' is not a dose such as 2 mg, 1.8 mg/m2 or 28 mcg/day",
            "{entry} has no 'source': every entry and every number says where it comes from",
            "{drug}: '{sourceKey}' is given without '{key}'",
            "{drug}: '{key}' is a whole number of days from 1 to 3650, not '{days}'",
            "{drug}: '{key}' needs '{sourceKey}' saying where the number comes from",
            "cannot read the formulary {file}: {reason}",
            "{drug}: 'timing' is before-start, after-start or with, not '{text}'",
            "{drug}: '{text}' is not a duration such as 30 min, 1 h or 2 days (at most 365 days)",
            "{drug}: '{key}' is true or false, not '{text}'",
            "{drug}: the factor for class '{class}' is a number above 0 and at most 1000, not '{text}'",
            "{drug}: '{key}' is a whole number of cycles from 1 to 1000, not '{text}'",
            "{drug}: '{name}' in '{key}' is not a drug of the formulary",
            "{drug}: '{name}' is not a class of the formulary (classes are listed under 'classes:')",
            "{entry} needs '{key}'",
            "{drug}: the usual {key} '{text}' is not measured like the usual dose '{dose}' (same basis, rate and kind of unit)",
            "{drug}: a separation is 'from: cytotoxic', not '{text}'",
            "{drug}: a separation needs 'before' or 'after' (or both)",
        ],
        "A formulary file (the shipped one or one given with `--formulary`) is YAML with a `drugs:` list. Each drug has a name, aliases, class, routes and a `source`; " +
        "limits, usual doses and intervals each carry their own `source`. Unknown keys, quantities that are not doses (`2 mg`, `1.8 mg/m2`, `28 mcg/day`), " +
        "unknown routes and missing sources are errors at their line and column, so that no number enters the checker unexplained.",
        "drugs:\n  - name: vincristine\n    routes: [IV]\n    limits:\n      - per: administration\n        max: 2",
        "drugs:\n  - name: vincristine\n    routes: [IV]\n    source: \"vincristine label\"\n    limits:\n      - per: administration\n        max: 2 mg\n        source: \"vincristine label\"");

    private static IEnumerable<DiagnosticDescriptor> NamesFamily() =>
    [
        UnknownDrug, UnknownCycle, UnknownBlock, UnknownFact, DuplicateName, IncludeCycle, UnusedCycle, MissingHeader,
        MissingPlan, DuplicateSingleton, UnknownMetadataKey, DuplicateMetadata, InvalidMetadataValue, HeaderNotFirst,
        UnusedBlock, UnusedInput, ConditionTypeMismatch, EmptyPlan, CycleTooLarge, InvalidFormulary, UnknownAnchor, AnchorCircle, UnknownPhase,
    ];
}

public static partial class Diagnose
{
    /// <summary>The "did you mean" fixes: preferred (applied by <c>regimen fix</c>) only when there is exactly one candidate.</summary>
    private static ImmutableArray<CodeFix> Rename(SourceSpan at, IReadOnlyList<string> suggestions) =>
        [.. suggestions.Select(s => CodeFix.Replace($"write {s}", at, s, preferred: suggestions.Count == 1))];

    public static Diagnostic UnknownDrug(SourceSpan at, string drug, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownDrug.Create(at, ("drug", drug), ("suggestion", DidYouMean(suggestions))) with { Fixes = Rename(at, suggestions) };

    public static Diagnostic UnknownCycle(SourceSpan at, string cycle, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownCycle.Create(at, ("cycle", cycle), ("suggestion", DidYouMean(suggestions))) with { Fixes = Rename(at, suggestions) };

    public static Diagnostic UnknownBlock(SourceSpan at, string block, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownBlock.Create(at, ("block", block), ("suggestion", DidYouMean(suggestions))) with { Fixes = Rename(at, suggestions) };

    public static Diagnostic UnknownFact(SourceSpan at, string fact, IReadOnlyList<string> builtIns, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownFact.Create(at, ("fact", fact), ("builtIns", string.Join(", ", builtIns)), ("suggestion", DidYouMean(suggestions)))
            with { Fixes = Rename(at, suggestions) };

    public static Diagnostic DuplicateName(SourceSpan at, string kind, string name, int earlierLine) =>
        DiagnosticCatalog.DuplicateName.Create(at, 0, ("kind", kind), ("name", name), ("line", earlierLine));

    public static Diagnostic InputShadowsBuiltIn(SourceSpan at, string name) =>
        DiagnosticCatalog.DuplicateName.Create(at, 1, ("kind", "input"), ("name", name));

    public static Diagnostic IncludeCycle(SourceSpan at, string block, IEnumerable<string> chain) =>
        DiagnosticCatalog.IncludeCycle.Create(at, ("block", block), ("chain", string.Join(" -> ", chain)));

    public static Diagnostic UnusedCycle(SourceSpan at, string cycle) => DiagnosticCatalog.UnusedCycle.Create(at, ("cycle", cycle));

    public static Diagnostic MissingHeader(SourceSpan at) => DiagnosticCatalog.MissingHeader.Create(at);

    public static Diagnostic MissingPlan(SourceSpan at) => DiagnosticCatalog.MissingPlan.Create(at);

    public static Diagnostic DuplicateHeader(SourceSpan at, int firstLine) =>
        DiagnosticCatalog.DuplicateSingleton.Create(at, ("what", "'regimen' header"), ("line", firstLine));

    public static Diagnostic DuplicatePlan(SourceSpan at, int firstLine) =>
        DiagnosticCatalog.DuplicateSingleton.Create(at, ("what", "plan"), ("line", firstLine));

    public static Diagnostic UnknownMetadataKey(SourceSpan at, string key, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownMetadataKey.Create(at, ("key", key), ("suggestion", DidYouMean(suggestions))) with { Fixes = Rename(at, suggestions) };

    public static Diagnostic DuplicateMetadata(SourceSpan at, string key, int earlierLine) =>
        DiagnosticCatalog.DuplicateMetadata.Create(at, ("key", key), ("line", earlierLine));

    public static Diagnostic EmptyMetadata(SourceSpan at, string key) => DiagnosticCatalog.InvalidMetadataValue.Create(at, 0, ("key", key));

    public static Diagnostic InvalidId(SourceSpan at, string value) => DiagnosticCatalog.InvalidMetadataValue.Create(at, 1, ("value", value));

    public static Diagnostic InvalidStatus(SourceSpan at, string value) => DiagnosticCatalog.InvalidMetadataValue.Create(at, 2, ("value", value));

    public static Diagnostic InvalidSource(SourceSpan at, string value) => DiagnosticCatalog.InvalidMetadataValue.Create(at, 3, ("value", value));

    public static Diagnostic HeaderNotFirst(SourceSpan at) => DiagnosticCatalog.HeaderNotFirst.Create(at);

    public static Diagnostic UnusedBlock(SourceSpan at, string block) => DiagnosticCatalog.UnusedBlock.Create(at, ("block", block));

    public static Diagnostic UnusedInput(SourceSpan at, string input) => DiagnosticCatalog.UnusedInput.Create(at, ("input", input));

    public static Diagnostic NotAFlag(SourceSpan at, string fact, string example) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 0, ("fact", fact), ("example", example));

    public static Diagnostic FlagCompared(SourceSpan at, string fact) => DiagnosticCatalog.ConditionTypeMismatch.Create(at, 1, ("fact", fact));

    public static Diagnostic WordFactNeedsEquality(SourceSpan at, string fact, string example) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 2, ("fact", fact), ("example", example));

    public static Diagnostic NotAWordOfFact(SourceSpan at, string fact, IReadOnlyList<string> values, string word) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 3, ("fact", fact), ("values", Words.JoinOr(values)), ("word", word));

    public static Diagnostic WordFactComparedWithNumber(SourceSpan at, string fact, IReadOnlyList<string> values, string example) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 4, ("fact", fact), ("values", Words.JoinOr(values)), ("example", example));

    public static Diagnostic NumberFactComparedWithWord(SourceSpan at, string fact, string word, string example) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 5, ("fact", fact), ("word", word), ("example", example));

    public static Diagnostic FactNeedsUnit(SourceSpan at, string fact, string suggestion) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 6, ("fact", fact), ("suggestion", suggestion));

    public static Diagnostic FactInOtherUnit(SourceSpan at, string fact, string unit, string written, string example) =>
        DiagnosticCatalog.ConditionTypeMismatch.Create(at, 7, ("fact", fact), ("unit", unit), ("written", written), ("example", example));

    public static Diagnostic UnknownAnchor(SourceSpan at, string anchor, string kind, string container, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownAnchor.Create(at, ("anchor", anchor), ("kind", kind), ("container", container), ("suggestion", DidYouMean(suggestions)))
            with { Fixes = Rename(at, suggestions) };

    public static Diagnostic AnchorCircle(SourceSpan at, IEnumerable<string> chain) =>
        DiagnosticCatalog.AnchorCircle.Create(at, ("chain", string.Join(" -> ", chain)));

    public static Diagnostic UnknownPhase(SourceSpan at, string phase, IReadOnlyList<string> suggestions) =>
        DiagnosticCatalog.UnknownPhase.Create(at, 0, ("phase", phase), ("suggestion", DidYouMean(suggestions))) with { Fixes = Rename(at, suggestions) };

    public static Diagnostic PhaseBlockTwice(SourceSpan at, string phase, int earlierLine) =>
        DiagnosticCatalog.UnknownPhase.Create(at, 1, ("phase", phase), ("line", earlierLine));

    public static Diagnostic TooManyLines(SourceSpan at, string kind, string name, int max) =>
        DiagnosticCatalog.CycleTooLarge.Create(at, ("kind", kind), ("name", name), ("max", max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));

    public static Diagnostic Empty(SourceSpan at, string kind, string name) => DiagnosticCatalog.EmptyPlan.Create(at, ("kind", kind), ("name", name));

    private static Diagnostic Formulary(SourceSpan at, int form, params ReadOnlySpan<(string Name, object? Value)> args) =>
        DiagnosticCatalog.InvalidFormulary.Create(at, DiagnosticCatalog.YamlForms.Length + form, args);

    private static string Drug(string name) => $"drug '{name}'";

    public static Diagnostic FormularyWithoutDrugs(SourceSpan at) => Formulary(at, 0);

    public static Diagnostic DrugWithoutName(SourceSpan at) => Formulary(at, 1);

    public static Diagnostic BadDrugName(SourceSpan at, string drug) => Formulary(at, 2, ("drug", Drug(drug)));

    public static Diagnostic BadAlias(SourceSpan at, string drug, string alias) => Formulary(at, 3, ("drug", Drug(drug)), ("alias", alias));

    public static Diagnostic NameTaken(SourceSpan at, string word, string other) => Formulary(at, 4, ("word", word), ("other", other));

    public static Diagnostic DrugWithoutRoutes(SourceSpan at, string drug) => Formulary(at, 5, ("drug", Drug(drug)));

    public static Diagnostic NotARoute(SourceSpan at, string drug, string? text) => Formulary(at, 6, ("drug", Drug(drug)), ("text", text));

    public static Diagnostic DrugWithoutClass(SourceSpan at, string drug) => Formulary(at, 7, ("drug", Drug(drug)));

    public static Diagnostic ForbiddenRouteWithoutReason(SourceSpan at, string drug) => Formulary(at, 8, ("drug", Drug(drug)));

    public static Diagnostic RouteBothAllowedAndForbidden(SourceSpan at, string drug, string route) =>
        Formulary(at, 9, ("drug", Drug(drug)), ("route", route));

    public static Diagnostic BadLimitScope(SourceSpan at, string drug, string? per) => Formulary(at, 10, ("drug", Drug(drug)), ("per", per));

    public static Diagnostic NotADose(SourceSpan at, string drug, string? text) => Formulary(at, 11, ("drug", Drug(drug)), ("text", text));

    /// <param name="entry">What lacks the source: "drug 'x'", "drug 'x', limit".</param>
    public static Diagnostic MissingFormularySource(SourceSpan at, string entry) => Formulary(at, 12, ("entry", entry));

    public static Diagnostic SourceWithoutValue(SourceSpan at, string drug, string key, string sourceKey) =>
        Formulary(at, 13, ("drug", Drug(drug)), ("key", key), ("sourceKey", sourceKey));

    public static Diagnostic BadDays(SourceSpan at, string drug, string key, string days) =>
        Formulary(at, 14, ("drug", Drug(drug)), ("key", key), ("days", days));

    public static Diagnostic ValueWithoutSource(SourceSpan at, string drug, string key, string sourceKey) =>
        Formulary(at, 15, ("drug", Drug(drug)), ("key", key), ("sourceKey", sourceKey));

    public static Diagnostic BadCompanionTiming(SourceSpan at, string drug, string? text) => Formulary(at, 17, ("drug", Drug(drug)), ("text", text));

    public static Diagnostic BadSeparationTarget(SourceSpan at, string drug, string? text) => Formulary(at, 26, ("drug", Drug(drug)), ("text", text));

    public static Diagnostic SeparationWithoutTime(SourceSpan at, string drug) => Formulary(at, 27, ("drug", Drug(drug)));

    public static Diagnostic NotADuration(SourceSpan at, string drug, string? text) => Formulary(at, 18, ("drug", Drug(drug)), ("text", text));

    public static Diagnostic NotABoolean(SourceSpan at, string drug, string key, string? text) =>
        Formulary(at, 19, ("drug", Drug(drug)), ("key", key), ("text", text));

    public static Diagnostic BadClassFactor(SourceSpan at, string drug, string? drugClass, string? text) =>
        Formulary(at, 20, ("drug", Drug(drug)), ("class", drugClass), ("text", text));

    public static Diagnostic BadCycleCount(SourceSpan at, string drug, string key, string? text) =>
        Formulary(at, 21, ("drug", Drug(drug)), ("key", key), ("text", text));

    public static Diagnostic UnknownFormularyDrug(SourceSpan at, string drug, string key, string name) =>
        Formulary(at, 22, ("drug", Drug(drug)), ("name", name), ("key", key));

    public static Diagnostic UnknownFormularyClass(SourceSpan at, string drug, string name) =>
        Formulary(at, 23, ("drug", Drug(drug)), ("name", name));

    public static Diagnostic MissingFormularyKey(SourceSpan at, string entry, string key) => Formulary(at, 24, ("entry", entry), ("key", key));

    public static Diagnostic UsualRangeUnlikeDose(SourceSpan at, string drug, string key, string text, string dose) =>
        Formulary(at, 25, ("drug", Drug(drug)), ("key", key), ("text", text), ("dose", dose));

    public static Diagnostic UnreadableFormulary(SourceSpan at, string file, string reason) =>
        Formulary(at, 16, ("file", file), ("reason", reason));
}
