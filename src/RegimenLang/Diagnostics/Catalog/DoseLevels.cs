using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- dose levels (RL1030-RL1033: the levels lines; RL6030: the patient's level) ------------

    public static readonly DiagnosticDescriptor InvalidDoseLevels = new(
        "RL1030", "Invalid dose levels", DiagnosticFamily.Names, Severity.Error,
        [
            "the dose levels of {drug} are already given on line {line}: give them in one levels line",
            "level {level} of {drug} is given twice",
            "the dose levels of {drug} have no level 0, the full dose: write it first, e.g. 0: 180 mg/m2",
            "level 0 of {drug} is the full dose: write the dose (such as 180 mg/m2) or 100%, not {text}",
            "level {level} of {drug} is {text} but level 0 is {full}: write it in the same unit and basis as level 0, or as a percentage such as 75%",
            "level {level} of {drug} is {text}, more than ten times level 0 ({full})",
        ],
        "`levels DRUG { 0: 180 mg/m2, -1: 150 mg/m2, -2: 75%, -3: omit }` gives a drug's dose levels: level 0 is the full dose (a dose, or 100%), " +
        "and every other level is a dose in the unit and basis of level 0 (mg/m2 beside mg/m2, AUC beside AUC), a percentage of the full dose, or " +
        "`omit`. A drug has one levels line; each level number appears once. A level more than ten times the full dose is taken for a slip. " +
        "The entries in error are left out of the table (a patient at such a level is reported).",
        "levels irinotecan { -1: 150 mg/m2, -2: 120 mg }",
        "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, -2: 120 mg/m2, -3: omit }");

    public static readonly DiagnosticDescriptor DoseLevelOutOfOrder = new(
        "RL1031", "Dose level out of order", DiagnosticFamily.Names, Severity.Warning,
        [
            "level {level} of {drug} ({text}) is not less than level 0 ({full}): a level below 0 reduces the dose",
            "level {level} of {drug} ({text}) is not more than level 0 ({full}): a level above 0 escalates the dose",
        ],
        "Levels below 0 are dose reductions and levels above 0 escalations (as in dose-finding protocols): a level -1 at or above the full dose, " +
        "or a level 1 at or below it, is almost always a typing slip or levels numbered the wrong way round.",
        "levels irinotecan { 0: 180 mg/m2, -1: 200 mg/m2 }",
        "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2 }");

    public static readonly DiagnosticDescriptor UnusedDoseLevels = new(
        "RL1032", "Dose levels of a drug the regimen does not give", DiagnosticFamily.Names, Severity.Warning,
        "the regimen gives no {drug}: its dose levels are never used",
        "Dose levels apply to the lines of their drug. Levels of a drug no line gives are a leftover or a misspelt drug (the name is matched " +
        "with the formulary's names and aliases, so `levels CPT-11` applies to irinotecan lines).",
        "levels oxaliplatin { 0: 85 mg/m2, -1: 65 mg/m2 }   # in FOLFIRI",
        "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2 }");

    public static readonly DiagnosticDescriptor LineNotAtFullDose = new(
        "RL1033", "Line not at the full dose of its levels", DiagnosticFamily.Names, Severity.Warning,
        "{drug} {dose} is not level 0 of its dose levels ({full}): a level given as a dose applies to this line in proportion (level {level}: {scaled})",
        "A level written as a dose (`-1: 150 mg/m2`) is the dose of every line of the drug at the full dose (`0: 180 mg/m2`). A line of the drug " +
        "at another dose (a different dose in another cycle) gets the same proportion of its own dose (150/180 of it), which may not be what " +
        "the protocol says. When the protocol reduces every dose of the drug by the same share, write the levels as percentages (`-1: 83%`).",
        "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2 }\ncycle A length 14 days {\n  irinotecan 125 mg/m2 IV over 90 min day 1\n}",
        "levels irinotecan { 0: 125 mg/m2, -1: 100 mg/m2 }\ncycle A length 14 days {\n  irinotecan 125 mg/m2 IV over 90 min day 1\n}");

    public static readonly DiagnosticDescriptor UnknownDoseLevel = new(
        "RL6030", "Dose level not defined", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "{origin}the regimen gives {drug} no dose levels{tables}",
            "{origin}level {level} is not a level of {drug} (its levels are {levels})",
            "{origin}'{text}' is not a dose level such as 0, -1 or 1",
            "{origin}'{drug}' is not a drug of the formulary",
        ],
        "A patient's dose level per drug (`levels:` in the patient file, `--level irinotecan=-1`) must be a level that the regimen's `levels` " +
        "line for that drug defines; a drug without levels has only its full dose. Nothing is expanded or checked for the patient at a level " +
        "that does not exist (a patient left at the full dose by mistake is the error this prevents).",
        "levels:\n  irinotecan: -4    # the regimen defines 0, -1, -2 and -3",
        "levels:\n  irinotecan: -2");

    public static readonly DiagnosticDescriptor InvalidChoice = new(
        "RL1034", "Invalid choice input", DiagnosticFamily.Names, Severity.Error,
        [
            "the value '{value}' of choice '{input}' is given twice",
            "'{value}' cannot be a value of choice '{input}': and, or and not join conditions",
        ],
        "`input pet2: choice negative | positive` declares a fact with a closed set of values, which conditions compare with `=` or `!=` " +
        "(`when pet2 = negative`) and a patient gives as one of them. Each value is written once (values are matched ignoring case), " +
        "and `and`, `or` and `not` cannot be values: a condition could not tell them from the words that join conditions.",
        "input response: choice complete | partial | Complete | not",
        "input response: choice complete | partial | none");

    // The plan-adapting features (choice inputs, dose levels) share this file: one family list for them.
    private static IEnumerable<DiagnosticDescriptor> DoseLevelFamily() =>
        [InvalidDoseLevels, DoseLevelOutOfOrder, UnusedDoseLevels, LineNotAtFullDose, InvalidChoice, UnknownDoseLevel];
}

public static partial class Diagnose
{
    public static Diagnostic DoseLevelsTwice(SourceSpan at, string drug, int line) =>
        DiagnosticCatalog.InvalidDoseLevels.Create(at, 0, ("drug", drug), ("line", line));

    public static Diagnostic DoseLevelTwice(SourceSpan at, string drug, string level) =>
        DiagnosticCatalog.InvalidDoseLevels.Create(at, 1, ("level", level), ("drug", drug));

    public static Diagnostic NoFullDoseLevel(SourceSpan at, string drug) => DiagnosticCatalog.InvalidDoseLevels.Create(at, 2, ("drug", drug));

    public static Diagnostic FullDoseLevelNotADose(SourceSpan at, string drug, string text) =>
        DiagnosticCatalog.InvalidDoseLevels.Create(at, 3, ("drug", drug), ("text", text));

    public static Diagnostic DoseLevelUnlikeFullDose(SourceSpan at, string drug, string level, string text, string full) =>
        DiagnosticCatalog.InvalidDoseLevels.Create(at, 4, ("level", level), ("drug", drug), ("text", text), ("full", full));

    public static Diagnostic DoseLevelFarAboveFullDose(SourceSpan at, string drug, string level, string text, string full) =>
        DiagnosticCatalog.InvalidDoseLevels.Create(at, 5, ("level", level), ("drug", drug), ("text", text), ("full", full));

    public static Diagnostic DoseLevelOutOfOrder(SourceSpan at, string drug, string level, string text, string full, bool reduction) =>
        DiagnosticCatalog.DoseLevelOutOfOrder.Create(at, reduction ? 0 : 1, ("level", level), ("drug", drug), ("text", text), ("full", full));

    public static Diagnostic UnusedDoseLevels(SourceSpan at, string drug) => DiagnosticCatalog.UnusedDoseLevels.Create(at, ("drug", drug));

    public static Diagnostic ChoiceValueTwice(SourceSpan at, string input, string value) =>
        DiagnosticCatalog.InvalidChoice.Create(at, 0, ("value", value), ("input", input));

    public static Diagnostic ChoiceValueReserved(SourceSpan at, string input, string value) =>
        DiagnosticCatalog.InvalidChoice.Create(at, 1, ("value", value), ("input", input));

    public static Diagnostic LineNotAtFullDose(SourceSpan at, string drug, string dose, string full, string level, string scaled) =>
        DiagnosticCatalog.LineNotAtFullDose.Create(at, ("drug", drug), ("dose", dose), ("full", full), ("level", level), ("scaled", scaled));
}

/// <summary>The problems of a patient's dose level (RL6030), in the catalogue's wording; reported like <see cref="PatientValueProblem"/>.</summary>
public static class DoseLevelProblems
{
    public static Diagnostic NoLevels(SourceSpan at, string origin, string drug, IReadOnlyList<string> drugsWithLevels) =>
        DiagnosticCatalog.UnknownDoseLevel.Create(at, 0, Origin(origin, drug), ("drug", drug),
            ("tables", drugsWithLevels.Count == 0 ? "" : " (it gives levels for " + Words.JoinAnd(drugsWithLevels) + ")"));

    public static Diagnostic NotALevelOf(SourceSpan at, string origin, string drug, int level, IReadOnlyList<int> levels) =>
        DiagnosticCatalog.UnknownDoseLevel.Create(at, 1, Origin(origin, drug), ("drug", drug), ("level", level),
            ("levels", Words.JoinAnd([.. levels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))])));

    public static Diagnostic NotALevel(SourceSpan at, string origin, string drug, string text) =>
        DiagnosticCatalog.UnknownDoseLevel.Create(at, 2, Origin(origin, drug), ("drug", drug), ("text", text));

    public static Diagnostic UnknownDrug(SourceSpan at, string origin, string drug) =>
        DiagnosticCatalog.UnknownDoseLevel.Create(at, 3, Origin(origin, null), ("drug", drug));

    /// <summary>"--level irinotecan: " for a flag, "levels irinotecan: " (the YAML key) for the patient file.</summary>
    private static (string, object?) Origin(string flag, string? drug) =>
        ("origin", flag.Length > 0 ? flag + ": " : drug is null ? "levels: " : $"levels {drug}: ");
}
