namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL6xxx: evaluation (expanding a regimen for a patient) ------------------------------

    public static readonly DiagnosticDescriptor MissingPatientFact = new(
        "RL6001", "Patient fact not given", Severity.Error,
        "{0} needs the patient's {1}, which was not given: supply it with {2} or in the patient file",
        "Expanding a regimen never assumes a patient fact. A `when` condition, a `/m2` or `/kg` dose or an `AUC` dose that needs a fact " +
        "(age, weight, height, bsa, sex, crcl or a declared `input`) which neither the patient file nor a flag gives is an error naming the fact " +
        "and the flag that supplies it. Nothing is expanded until every needed fact is known.",
        "rituximab 375 mg/m2 IV day 1 when cd20 >= 20%   (expanded without cd20)",
        "regimen expand R.regimen --set cd20=35% --height 170 --weight 72");

    public static readonly DiagnosticDescriptor InvalidPatientValue = new(
        "RL6002", "Invalid patient file or value", Severity.Error,
        "{0}",
        "A patient file is YAML with the keys height, weight, age, sex, crcl, bsa, start, time, inputs and prior (LANGUAGE.md §7). " +
        "Quantities are read with the regimen unit parser (`170 cm`, `72 kg`, `35%`). Unknown keys, wrong units, inputs the regimen does not " +
        "declare and impossible values (a weight of 0, a BSA of 9 m2, a height of 20 m, an age of 200) are errors at their YAML line and column.",
        "height: 170 kg\nweight: 0 kg",
        "height: 170 cm\nweight: 72 kg");

    public static readonly DiagnosticDescriptor PlanTooLarge = new(
        "RL2009", "Plan too large to expand", Severity.Error,
        "the plan has {0}; the evaluator expands at most 1,000 cycle instances, 100 years (36,525 days) and 100,000 administrations",
        "The number of cycle instances and the number of days of a plan are computed from the plan's sequence (`then`, `x N`, `rest`) before " +
        "anything is expanded, so a plan such as `(A x 1000) x 1000` is refused at once, without using memory; so is a plan whose lines would give " +
        "more than 100,000 administrations (counted from the days and frequencies, before any is laid out). No real regimen comes near the bounds.",
        "plan { main: (A x 1000) x 1000 }",
        "plan { main: A x 6 }");

    public static readonly DiagnosticDescriptor UnsupportedFrequency = new(
        "RL6005", "Frequency cannot be expanded", Severity.Error,
        "{0}",
        "The evaluator expands once, daily, qd, bid, tid, qid, q<N>h (N dividing 24) and q<N>h x <count>. `qod` (every other day) is ambiguous " +
        "when days are listed and is on the do-not-use lists: list the days instead (`days 1, 3, 5`).",
        "prednisone 60 mg PO qod days 1-7",
        "prednisone 60 mg PO days 1, 3, 5, 7");

    public static readonly DiagnosticDescriptor IncompatibleDoseUnits = new(
        "RL6006", "Cap or rounding in a unit the dose cannot use", Severity.Error,
        "{0}",
        "A `cap` or `round to` applies to the computed absolute dose of one administration, so it is an absolute amount in a unit of the same kind " +
        "as the dose (a mass for mg, mcg, g or ng doses; units for unit doses), optionally per day for a continuous infusion. " +
        "A cap per m2 or per kg, or a mass cap on a dose in units, cannot be applied.",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg/m2",
        "vincristine 1.4 mg/m2 IV day 1 cap 2 mg");

    public static readonly DiagnosticDescriptor UnusableScheduleNumber = new(
        "RL6008", "Number the schedule cannot use", Severity.Error,
        "{0}",
        "Counts in a plan or a schedule (`x N`, a cycle length, `q<N>h x <count>`) are whole numbers of at least 1; a zero or fractional count " +
        "cannot be expanded.",
        "plan { main: A x 0 }",
        "plan { main: A x 1 }");

    private static partial IEnumerable<DiagnosticDescriptor> Later() =>
    [
        MissingPatientFact, InvalidPatientValue, PlanTooLarge, UnsupportedFrequency, IncompatibleDoseUnits,
        UnusableScheduleNumber,
    ];
}
