using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL6xxx: evaluation (expanding a regimen for a patient) ------------------------------

    public static readonly DiagnosticDescriptor MissingPatientFact = new(
        "RL6001", "Patient fact not given", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "the condition 'when {condition}' needs the patient's {fact}, which was not given: supply it with {flag} or in the patient file",
            "the dose {dose} needs the patient's {fact}, which was not given: supply it with {flag} or in the patient file",
        ],
        "Expanding a regimen never assumes a patient fact. A `when` condition, a `/m2` or `/kg` dose or an `AUC` dose that needs a fact " +
        "(age, weight, height, bsa, sex, crcl or a declared `input`) which neither the patient file nor a flag gives is an error naming the fact " +
        "and the flag that supplies it. Nothing is expanded until every needed fact is known.",
        "rituximab 375 mg/m2 IV day 1 when cd20 >= 20%   (expanded without cd20)",
        "regimen expand R.regimen --set cd20=35% --height 170 --weight 72");

    public static readonly DiagnosticDescriptor InvalidPatientValue = new(
        "RL6002", "Invalid patient file or value", DiagnosticFamily.Evaluation, Severity.Error,
        [
            .. YamlForms,
            "{origin}{fact} needs a unit: write {suggestion}",
            "{origin}{fact} is in {unit}, not {written}: e.g. {example}",
            "{origin}{fact} '{text}' is impossible (expected {range})",
            "{origin}{fact}: '{text}' is not a quantity such as {example}",
            "{origin}{fact} is {values}, not '{text}'",
            "{origin}{key}: '{text}' is not a date in the form yyyy-mm-dd, e.g. 2026-01-05",
            "{origin}{key}: '{text}' is not a clock time in the form HH:MM, e.g. 08:00",
            "{origin}prior {drug}: '{text}' is not a dose such as 150 mg/m2 or 300 mg",
            "{origin}'{name}' is a built-in patient fact: give it as '{name}:' at the top level (or {flag}), not as an input",
            "{origin}the regimen declares no input '{name}'; its inputs are {inputs}",
            "{origin}input '{name}' is a flag: true or false, not '{text}'",
            "{origin}input '{name}' is a percentage from 0% to 100%, not {text}",
            "{origin}input '{name}' is a percentage such as 35%, not '{text}'",
            "{origin}input '{name}' is a number{unit}, not '{text}'",
            "{origin}prior: '{drug}' is not a drug of the formulary",
            "{origin}{key}: {date} is beyond the calendar this tool lays out (from {first} to {last})",
            "{origin}events: '{name}' is not an event of this regimen: the events its 'until EVENT then DOSE' lines name are {events}",
        ],
        "A patient file is YAML with the keys height, weight, age, sex, crcl, bsa, start, time, inputs, prior, levels, given and events (see docs/language.md, " +
        "\"The patient\"). Quantities are read with the regimen unit parser (`170 cm`, `72 kg`, `35%`). Unknown keys, wrong units, inputs the regimen does not " +
        "declare and impossible values (a weight of 0, a BSA of 9 m2, a height of 20 m, an age of 200) are errors at their YAML line and column.",
        "height: 170 kg\nweight: 0 kg",
        "height: 170 cm\nweight: 72 kg");

    public static readonly DiagnosticDescriptor UnsupportedFrequency = new(
        "RL6005", "Frequency cannot be expanded", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "qod (every other day) cannot be expanded on listed days: list the days instead, e.g. days 1, 3, 5",
            "{frequency}: round-the-clock dosing needs an interval that divides 24 hours (q4h, q6h, q8h, q12h, q24h)",
        ],
        "The evaluator expands once, daily, qd, bid, tid, qid, q<N>h (N dividing 24), q<N>h x <count>, weekly, every N days and throughout. " +
        "`qod` (every other day) is ambiguous " +
        "when days are listed and is on the do-not-use lists: list the days instead (`days 1, 3, 5`).",
        "prednisone 60 mg PO qod days 1-7",
        "prednisone 60 mg PO days 1, 3, 5, 7");

    public static readonly DiagnosticDescriptor IncompatibleDoseUnits = new(
        "RL6006", "Cap or rounding in a unit the dose cannot use", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "'{clause}' applies to the computed dose, so it is an absolute amount (such as 2 mg), not per m2 or per kg",
            "'{clause}' is in {unit} but the dose is in {doseUnit}",
            "'{clause}' is a rate, but the dose is not a continuous-infusion rate dose",
        ],
        "A `cap` or `round to` applies to the computed absolute dose of one administration, so it is an absolute amount in a unit of the same kind " +
        "as the dose (a mass for mg, mcg, g or ng doses; units for unit doses), optionally per day for a continuous infusion. " +
        "A cap per m2 or per kg, or a mass cap on a dose in units, cannot be applied.",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg/m2",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg");

    public static readonly DiagnosticDescriptor UnusableScheduleNumber = new(
        "RL6008", "Number the schedule cannot use", DiagnosticFamily.Evaluation, Severity.Error,
        "x {text}: a dose count is a whole number from 1 to {max}",
        "Counts in a schedule (`q<N>h x <count>`, `every N days x <count>`) are whole numbers of at least 1; the evaluator lays out at most 10,000 doses of one line.",
        "cyclophosphamide 300 mg/m2 IV q12h x 20000 days 1-10000",
        "cyclophosphamide 300 mg/m2 IV q12h x 6 days 1-3");

    public static readonly DiagnosticDescriptor NightDose = new(
        "RL6009", "Oral dose at night", DiagnosticFamily.Evaluation, Severity.Warning,
        "{drug} falls at {time} on day {day} of cycle '{cycle}': the first-dose time puts this oral dose in the night (22:00 to 06:00)",
        "Without `at`, the doses of a day are placed from the patient's first-dose time (`--time`, or `time:` in the patient file; 08:00 by default) " +
        "with the waking-day offsets: bid 12 h apart, tid 6 h, qid 4 h. A late first-dose time moves every dose with it, so `tid` from 20:00 gives a " +
        "dose at 02:00. The timeline is still produced; give the clock times the protocol means with `at` (`tid at 08:00, 14:00, 20:00`), or an " +
        "earlier first-dose time. Round-the-clock dosing (`q8h`, `divided q8h`) has night doses on purpose and is not reported.",
        "mercaptopurine 50 mg PO tid days 1-28   (expanded with --time 20:00)",
        "mercaptopurine 50 mg PO tid days 1-28 at 08:00, 14:00, 20:00");

    public static readonly DiagnosticDescriptor UntimableLine = new(
        "RL6010", "Line cannot be laid out for this patient", DiagnosticFamily.Evaluation, Severity.Error,
        [
            "this line is timed from '{anchor}', but on day {day} the lines it names give {count} doses for this patient: the timeline cannot say which one it follows",
            "this line is timed from '{anchor}', but no line it names is given on day {day} for this patient although it lists that day",
            "this line and the lines it is timed from wait on each other: the timeline cannot place them",
            "this {drug} line cannot be laid out for this patient (its days, times and frequency do not fit together); the checker did not say why: please report it",
        ],
        "A line is laid out from its days, clock times and frequency; a line timed from another (`30 min before rituximab`) from that line's " +
        "dose on the same listed day. The checker reports days outside the cycle, times that do not fit the frequency (RL2001-RL2003) and " +
        "an anchor that names no dose or two doses on a day (RL2010, RL2011) for every patient the regimen allows; this finding is the " +
        "expansion's own guard for a case those rules did not foresee, so that no timeline is printed with a line silently left out. " +
        "Label the dose to time from (`as NAME`, then `before NAME`) or give the line its own days and times.",
        "cycle A length 21 days {\n  ondansetron 8 mg IV 30 min before cisplatin day 1\n  cisplatin 50 mg/m2 IV day 1\n  cisplatin 25 mg/m2 IV day 1 at 14:00\n}",
        "cycle A length 21 days {\n  ondansetron 8 mg IV 30 min before cis-first day 1\n  cisplatin 50 mg/m2 IV day 1 as cis-first\n  cisplatin 25 mg/m2 IV day 1 at 14:00\n}");

    private static IEnumerable<DiagnosticDescriptor> EvaluationFamily() =>
    [
        MissingPatientFact, InvalidPatientValue, UnsupportedFrequency, IncompatibleDoseUnits, UnusableScheduleNumber, NightDose, UntimableLine,
    ];
}

/// <summary>A problem with one patient value: the form and its facts, reported at a YAML position or against a flag.</summary>
public sealed record PatientValueProblem(int Form, (string Name, object? Value)[] Args)
{
    /// <summary>The problem as an RL6002 at <paramref name="at"/>; <paramref name="origin"/> is "" or the flag, e.g. "--set cd20".</summary>
    public Diagnostic ToDiagnostic(SourceSpan at, string origin = "") =>
        DiagnosticCatalog.InvalidPatientValue.Create(at, DiagnosticCatalog.YamlForms.Length + Form,
            [("origin", origin.Length == 0 ? "" : origin + ": "), .. Args]);

    /// <summary>The message alone (for a usage error on a command-line flag).</summary>
    public string Message(string origin = "") => ToDiagnostic(SourceSpan.None, origin).Message;
}

public static partial class Diagnose
{
    public static Diagnostic MissingFactForCondition(SourceSpan at, string condition, string fact, string flag) =>
        DiagnosticCatalog.MissingPatientFact.Create(at, 0, ("condition", condition), ("fact", fact), ("flag", flag));

    public static Diagnostic MissingFactForDose(SourceSpan at, string dose, string fact, string flag) =>
        DiagnosticCatalog.MissingPatientFact.Create(at, 1, ("dose", dose), ("fact", fact), ("flag", flag));

    public static Diagnostic EveryOtherDayNotExpandable(SourceSpan at) => DiagnosticCatalog.UnsupportedFrequency.Create(at, 0);

    public static Diagnostic IntervalNotDividingDay(SourceSpan at, string frequency) =>
        DiagnosticCatalog.UnsupportedFrequency.Create(at, 1, ("frequency", frequency));

    public static Diagnostic LimitNotAbsolute(SourceSpan at, string clause) => DiagnosticCatalog.IncompatibleDoseUnits.Create(at, 0, ("clause", clause));

    public static Diagnostic LimitInOtherUnit(SourceSpan at, string clause, string unit, string doseUnit) =>
        DiagnosticCatalog.IncompatibleDoseUnits.Create(at, 1, ("clause", clause), ("unit", unit), ("doseUnit", doseUnit));

    public static Diagnostic RateLimitOnPlainDose(SourceSpan at, string clause) => DiagnosticCatalog.IncompatibleDoseUnits.Create(at, 2, ("clause", clause));

    public static Diagnostic NightDose(SourceSpan at, string drug, string time, int day, string cycle) =>
        DiagnosticCatalog.NightDose.Create(at, ("drug", drug), ("time", time), ("day", day), ("cycle", cycle));

    /// <summary>A timed line the dose layout could not place on <paramref name="day"/>: <paramref name="doses"/> anchor doses that day (0 or more than 1).</summary>
    public static Diagnostic UntimableLine(SourceSpan at, string anchor, int day, int doses) =>
        DiagnosticCatalog.UntimableLine.Create(at, doses == 0 ? 1 : 0, ("anchor", anchor), ("day", day), ("count", doses));

    public static Diagnostic TimingDeadlock(SourceSpan at) => DiagnosticCatalog.UntimableLine.Create(at, 2);

    public static Diagnostic LineNotLaidOut(SourceSpan at, string drug) => DiagnosticCatalog.UntimableLine.Create(at, 3, ("drug", drug));

    public static Diagnostic DoseCountTooLarge(SourceSpan at, string text, int max) =>
        DiagnosticCatalog.UnusableScheduleNumber.Create(at, ("text", text), ("max", max.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>The typed problems of patient values (RL6002), in the catalogue's wording.</summary>
public static class PatientProblems
{
    public static PatientValueProblem NeedsUnit(string fact, string suggestion) => new(0, [("fact", fact), ("suggestion", suggestion)]);

    public static PatientValueProblem OtherUnit(string fact, string unit, string written, string example) =>
        new(1, [("fact", fact), ("unit", unit), ("written", written), ("example", example)]);

    public static PatientValueProblem Impossible(string fact, string text, string range) => new(2, [("fact", fact), ("text", text), ("range", range)]);

    public static PatientValueProblem NotAQuantity(string fact, string text, string example) => new(3, [("fact", fact), ("text", text), ("example", example)]);

    public static PatientValueProblem NotOneOf(string fact, IReadOnlyList<string> values, string text) =>
        new(4, [("fact", fact), ("values", Words.JoinOr(values)), ("text", text)]);

    public static PatientValueProblem NotADate(string key, string text) => new(5, [("key", key), ("text", text)]);

    public static PatientValueProblem NotATime(string key, string text) => new(6, [("key", key), ("text", text)]);

    public static PatientValueProblem PriorNotADose(string drug, string? text) => new(7, [("drug", drug), ("text", text)]);

    public static PatientValueProblem BuiltInAsInput(string name, string flag) => new(8, [("name", name), ("flag", flag)]);

    public static PatientValueProblem UndeclaredInput(string name, IReadOnlyList<string> inputs) =>
        new(9, [("name", name), ("inputs", inputs.Count == 0 ? "none" : string.Join(", ", inputs))]);

    public static PatientValueProblem FlagValue(string name, string text) => new(10, [("name", name), ("text", text)]);

    public static PatientValueProblem PercentOutOfRange(string name, string text) => new(11, [("name", name), ("text", text)]);

    public static PatientValueProblem NotAPercent(string name, string text) => new(12, [("name", name), ("text", text)]);

    public static PatientValueProblem NotANumber(string name, string? unit, string text) =>
        new(13, [("name", name), ("unit", unit is null ? "" : " in " + unit), ("text", text)]);

    public static PatientValueProblem PriorUnknownDrug(string drug) => new(14, [("drug", drug)]);

    public static PatientValueProblem DateOutOfRange(string key, string date, string first, string last) =>
        new(15, [("key", key), ("date", date), ("first", first), ("last", last)]);

    public static PatientValueProblem UnknownEvent(string name, IReadOnlyList<string> events) =>
        new(16, [("name", name), ("events", events.Count == 0 ? "none" : string.Join(", ", events))]);
}
