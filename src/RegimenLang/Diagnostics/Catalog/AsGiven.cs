using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- the treatment as given (RL6031: a record in the patient file; RL6032: a record the plan has no place for) ----

    public static readonly DiagnosticDescriptor InvalidTreatmentRecord = new(
        "RL6031", "Invalid record of the treatment as given", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "{what} is a whole number from {low} to {high}, not '{text}'",
            "'{text}' is not an amount given such as 45 mg (an absolute amount), or none",
            "{entry} needs '{key}'",
            "'{drug}' is not a drug of this regimen",
            "the change of {drug} from cycle {cycle} gives a level or 'stop: true', one of them",
            "level {level} is not a level of {drug}{levels}",
        ],
        "`given:` in a patient file records the treatment as given so far: `delays` (a cycle, and every one after it, started days late), " +
        "`changes` (a drug at another dose level, or stopped, from a cycle of the plan on) and `doses` (what was given of a drug on a day of a " +
        "cycle: an absolute amount, or `none`), with `asOf`, the date up to which the timeline is given and after which it is planned. " +
        "Cycles are numbered as the timeline numbers them (from 1 over the whole plan; a rest is not a cycle). Nothing is expanded or " +
        "checked for a record that cannot be read.",
        "given:\n  delays:\n    - cycle: two\n      days: 7",
        "given:\n  delays:\n    - cycle: 2\n      days: 7\n      reason: \"neutropenia\"");

    public static readonly DiagnosticDescriptor RecordOutsidePlan = new(
        "RL6032", "Record of the treatment as given matches nothing in the plan", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "the plan has {count} cycles: cycle {cycle} is not in it",
            "no {drug} dose is planned on day {day} of cycle {cycle}",
        ],
        "A record must name what the plan holds: a delay or change of a cycle the plan has, a dose recorded on a day of a cycle on which the " +
        "plan gives that drug. A record that matches nothing is an error rather than ignored: the dose it describes would be missing from " +
        "the exposure the checker counts.",
        "given:\n  doses:\n    - drug: doxorubicin\n      cycle: 2\n      day: 3     # doxorubicin is given on day 1\n      given: 45 mg",
        "given:\n  doses:\n    - drug: doxorubicin\n      cycle: 2\n      day: 1\n      given: 45 mg");

    private static IEnumerable<DiagnosticDescriptor> AsGivenFamily() => [InvalidTreatmentRecord, RecordOutsidePlan];
}

public static partial class Diagnose
{
    public static Diagnostic RecordNumber(SourceSpan at, string what, int low, int high, string text) =>
        DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 0, ("what", what), ("low", low), ("high", high), ("text", text));

    public static Diagnostic RecordNotAnAmount(SourceSpan at, string text) => DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 1, ("text", text));

    public static Diagnostic RecordMissingKey(SourceSpan at, string entry, string key) =>
        DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 2, ("entry", entry), ("key", key));

    public static Diagnostic RecordUnknownDrug(SourceSpan at, string drug) => DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 3, ("drug", drug));

    public static Diagnostic RecordLevelOrStop(SourceSpan at, string drug, int cycle) =>
        DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 4, ("drug", drug), ("cycle", cycle));

    public static Diagnostic RecordUnknownLevel(SourceSpan at, string drug, int level, string levels) =>
        DiagnosticCatalog.InvalidTreatmentRecord.Create(at, 5, ("level", level), ("drug", drug), ("levels", levels));

    public static Diagnostic RecordCycleOutsidePlan(SourceSpan at, int count, int cycle) =>
        DiagnosticCatalog.RecordOutsidePlan.Create(at, 0, ("count", count), ("cycle", cycle));

    public static Diagnostic RecordDoseNotPlanned(SourceSpan at, string drug, int day, int cycle) =>
        DiagnosticCatalog.RecordOutsidePlan.Create(at, 1, ("drug", drug), ("day", day), ("cycle", cycle));
}
