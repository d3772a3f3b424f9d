using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

// Dose-safety findings that read the wider formulary: companions, drug classes, the author's caps and limits against the
// formulary's, rounding, coverage of conditional lines and AUC ranges.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor CompanionMissing = new(
        "RL3011", "Required companion missing", DiagnosticFamily.DoseSafety, Severity.Warning,
        "{drug} {where} has no {companion} {window}: {reason} ({source})",
        "Some drugs need another drug with them: vitamins before pemetrexed, a corticosteroid before blinatumomab, acetaminophen and an " +
        "antihistamine before rituximab, mesna with ifosfamide. The formulary lists each requirement with its source; a required " +
        "companion that the plan never gives near a dose is reported at that dose. Only administrations count: a note never satisfies a " +
        "companion rule. Optional companions (as needed) and requirements no source confirmed are not checked. High-dose methotrexate " +
        "without any leucovorin is RL3008's.",
        "cycle P length 21 days {\n  pemetrexed 500 mg/m2 IV day 1\n}",
        "cycle P length 21 days {\n  folic-acid 400 mcg PO daily days -7 to 21\n  cyanocobalamin 1000 mcg IM day -7\n  dexamethasone 4 mg PO bid days 0-2\n  pemetrexed 500 mg/m2 IV day 1\n}");

    public static readonly DiagnosticDescriptor CompanionOutsideWindow = new(
        "RL3012", "Companion outside its time window", DiagnosticFamily.DoseSafety, Severity.Warning,
        "{companion} {nearest} is outside the window for {drug} {where}: it must start {window} ({source})",
        "A companion given, but not when its source says: leucovorin started with high-dose methotrexate instead of 24-36 hours after " +
        "its start (too early, it rescues the tumour too), a premedication after the infusion instead of before it. Times are compared as " +
        "written: a line without a clock time (`at`) or a relative timing (`after X`) stands for any time of its day, so only what the " +
        "file pins down can fall outside the window.",
        "methotrexate 1 g/m2 IV over 24 h day 1\nleucovorin 15 mg IV q6h x 10 day 1",
        "methotrexate 1 g/m2 IV over 24 h day 1 as mtx\nleucovorin 15 mg IV q6h x 10 from 24 h after mtx starts");

    public static readonly DiagnosticDescriptor ClassLimit = new(
        "RL3013", "Class cumulative dose over its limit", DiagnosticFamily.DoseSafety, Severity.Error,
        "{class}: {total} as {reference}-equivalents over the plan{prior}{when}, reached by {drug} in cycle {cycle} ('{cycleName}'), is over the lifetime maximum of {maximum} ({source})",
        "The drugs of a class share one lifetime limit, counted in equivalents of a reference drug: anthracyclines as doxorubicin " +
        "(daunorubicin x 0.6, epirubicin x 0.8, idarubicin x 5, mitoxantrone x 10.5; docs/formulary.md gives each factor with its source). " +
        "Every systemic dose of every member in the plan is added, with prior exposure to any member from the patient file.",
        "cycle R length 21 days {\n  doxorubicin 50 mg/m2 IV day 1\n}\nplan { r: R x 8 }   # patient: prior epirubicin 300 mg/m2",
        "cycle R length 21 days {\n  doxorubicin 50 mg/m2 IV day 1\n}\nplan { r: R x 6 }");

    public static readonly DiagnosticDescriptor LimitAgainstFormulary = new(
        "RL3014", "Cap or limit above the formulary maximum, or not comparable", DiagnosticFamily.DoseSafety, Severity.Error,
        [
            "'cap {cap}' on {drug} is above the formulary maximum of {maximum} per {per} ({source})",
            "'limit {drug} {limit}' is above the formulary maximum of {maximum} per {per} ({source}): the stricter one applies",
            "{what} in {unit} cannot be compared with {drug}'s doses in {doseUnit}: it would never be applied",
        ],
        "A `cap` or a `limit` line is the author's own maximum. One above the formulary's maximum for the same scope promises a dose the " +
        "formulary forbids (the lower one is what applies: RL3002-RL3005 still check it); one in a unit that cannot be compared with the " +
        "drug's doses (mg on a drug dosed in units) would silently never apply. Both are errors, found without a patient.",
        "vincristine 1.4 mg/m2 IV day 1 cap 2.5 mg",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg");

    public static readonly DiagnosticDescriptor RoundingStepTooLarge = new(
        "RL3015", "Rounding step larger than the dose", DiagnosticFamily.DoseSafety, Severity.Warning,
        "'round to {step}' is larger than the dose of {drug} ({dose}): rounding moves it by up to half the step, or to zero",
        "`round to` rounds the computed dose to a step (a vial size, a tablet strength). A step larger than the dose itself rounds it " +
        "to zero or to a multiple of it: usually a unit slip (round to 5 mg on a 2 mg dose; mg for mcg). Flat doses are compared as " +
        "written; body-size doses when a patient is given.",
        "vincristine 1 mg IV day 1 round to 5 mg",
        "vincristine 1 mg IV day 1 round to 0.1 mg");

    public static readonly DiagnosticDescriptor CoverageGap = new(
        "RL3016", "Conditional lines leave some patients out", DiagnosticFamily.DoseSafety, Severity.Warning,
        "no {drug} line {where} applies to a patient with {witness}, while other patients get {drug}: a band of its 'when' conditions may be left out",
        "When a drug's lines in a cycle are all conditional and give different doses by bands of a fact (carboplatin by creatinine " +
        "clearance, a dose by age), a patient in none of the bands silently gets no dose. A drug with one conditional line (rituximab " +
        "when CD20 is positive) is left out on purpose and is not reported. The witness is a value the conditions' thresholds point at.",
        "cycle C length 21 days {\n  carboplatin AUC 5 IV day 1 when crcl >= 60\n  carboplatin AUC 4 IV day 1 when crcl < 30\n}",
        "cycle C length 21 days {\n  carboplatin AUC 5 IV day 1 when crcl >= 60\n  carboplatin AUC 4 IV day 1 when crcl < 60\n}");

    public static readonly DiagnosticDescriptor AucOutOfRange = new(
        "RL3017", "AUC target outside the usual range", DiagnosticFamily.DoseSafety, Severity.Warning,
        "{drug} {dose} is outside its usual range of {low} to {high} ({source})",
        "Carboplatin is dosed to a target area under the curve (Calvert: AUC x (GFR + 25) mg); labels and protocols use AUC 2 to 7. " +
        "A target outside the formulary's usual range is a warning; ten times the range (AUC 50 for AUC 5) is RL3006.",
        "carboplatin AUC 9 IV day 1",
        "carboplatin AUC 6 IV day 1");

    public static readonly DiagnosticDescriptor TooCloseToChemotherapy = new(
        "RL3018", "Too close to cytotoxic chemotherapy", DiagnosticFamily.DoseSafety, Severity.Warning,
        [
            "{drug} {where} is given on the same day as {other}: it must start at least {needed} after cytotoxic chemotherapy ends ({source})",
            "{drug} {where} starts {gap} after {other} ends: it must start at least {needed} after cytotoxic chemotherapy ends ({source})",
            "{drug} {where} starts while {other} is running: it must start at least {needed} after cytotoxic chemotherapy ends ({source})",
            "{drug} {where} is given {gap} before {other} {otherWhere}: it must not be given within {needed} before cytotoxic chemotherapy ({source})",
        ],
        "A growth factor stimulates the myeloid cells that cytotoxic chemotherapy kills: filgrastim and sargramostim are given no earlier " +
        "than 24 hours after chemotherapy and not in the 24 hours before the next, pegfilgrastim not in the 14 days before it. The " +
        "formulary's `separations` give the times and `cytotoxic: true` marks the drugs they are kept from (systemic routes only: an " +
        "intrathecal dose is not counted). Times are compared as written: two lines without a clock time are a whole number of days " +
        "apart, so filgrastim the day after the last chemotherapy day is accepted and one on that day is not.",
        "cycle AC length 14 days {\n  doxorubicin 60 mg/m2 IV day 1\n  cyclophosphamide 600 mg/m2 IV day 1\n  filgrastim 5 mcg/kg SC days 1-10\n}",
        "cycle AC length 14 days {\n  doxorubicin 60 mg/m2 IV day 1\n  cyclophosphamide 600 mg/m2 IV day 1\n  filgrastim 5 mcg/kg SC days 3-10\n}");
}

public static partial class Diagnose
{
    public static Diagnostic CompanionMissing(SourceSpan at, string drug, string where, string companion, string window, string reason, string source) =>
        DiagnosticCatalog.CompanionMissing.Create(at, ("drug", drug), ("where", where), ("companion", companion), ("window", window),
            ("reason", reason), ("source", source));

    public static Diagnostic CompanionOutsideWindow(SourceSpan at, string companion, string nearest, string drug, string where, string window, string source) =>
        DiagnosticCatalog.CompanionOutsideWindow.Create(at, ("companion", companion), ("nearest", nearest), ("drug", drug), ("where", where),
            ("window", window), ("source", source));

    public static Diagnostic ClassLimit(SourceSpan at, string drugClass, string total, string reference, string prior, string when, string drug,
        int cycle, string cycleName, string maximum, string source) =>
        DiagnosticCatalog.ClassLimit.Create(at, ("class", drugClass), ("total", total), ("reference", reference), ("prior", prior), ("when", when),
            ("drug", drug), ("cycle", cycle), ("cycleName", cycleName), ("maximum", maximum), ("source", source));

    public static Diagnostic CapAboveFormulary(SourceSpan at, string cap, string drug, string maximum, string per, string source) =>
        DiagnosticCatalog.LimitAgainstFormulary.Create(at, 0, ("cap", cap), ("drug", drug), ("maximum", maximum), ("per", per), ("source", source));

    public static Diagnostic LimitAboveFormulary(SourceSpan at, string drug, string limit, string maximum, string per, string source) =>
        DiagnosticCatalog.LimitAgainstFormulary.Create(at, 1, ("drug", drug), ("limit", limit), ("maximum", maximum), ("per", per), ("source", source));

    public static Diagnostic LimitNotComparable(SourceSpan at, string what, string unit, string drug, string doseUnit) =>
        DiagnosticCatalog.LimitAgainstFormulary.Create(at, 2, ("what", what), ("unit", unit), ("drug", drug), ("doseUnit", doseUnit));

    public static Diagnostic RoundingStepTooLarge(SourceSpan at, string step, string drug, string dose) =>
        DiagnosticCatalog.RoundingStepTooLarge.Create(at, ("step", step), ("drug", drug), ("dose", dose));

    public static Diagnostic CoverageGap(SourceSpan at, string drug, string where, string witness) =>
        DiagnosticCatalog.CoverageGap.Create(at, ("drug", drug), ("where", where), ("witness", witness));

    public static Diagnostic AucOutOfRange(SourceSpan at, string drug, string dose, string low, string high, string source) =>
        DiagnosticCatalog.AucOutOfRange.Create(at, ("drug", drug), ("dose", dose), ("low", low), ("high", high), ("source", source));

    public static Diagnostic SameDayAsChemotherapy(SourceSpan at, string drug, string where, string other, string needed, string source) =>
        DiagnosticCatalog.TooCloseToChemotherapy.Create(at, 0, ("drug", drug), ("where", where), ("other", other), ("needed", needed), ("source", source));

    public static Diagnostic TooSoonAfterChemotherapy(SourceSpan at, string drug, string where, string gap, string other, string needed, string source) =>
        DiagnosticCatalog.TooCloseToChemotherapy.Create(at, 1, ("drug", drug), ("where", where), ("gap", gap), ("other", other), ("needed", needed), ("source", source));

    public static Diagnostic DuringChemotherapy(SourceSpan at, string drug, string where, string other, string needed, string source) =>
        DiagnosticCatalog.TooCloseToChemotherapy.Create(at, 2, ("drug", drug), ("where", where), ("other", other), ("needed", needed), ("source", source));

    public static Diagnostic TooSoonBeforeChemotherapy(SourceSpan at, string drug, string where, string gap, string other, string otherWhere, string needed,
        string source) =>
        DiagnosticCatalog.TooCloseToChemotherapy.Create(at, 3, ("drug", drug), ("where", where), ("gap", gap), ("other", other), ("otherWhere", otherWhere),
            ("needed", needed), ("source", source));
}
