using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL7xxx: export (what HL7 FHIR R4 cannot carry losslessly) ----------------------------------------------
    // `regimen export --format fhir` never drops a construct silently: each one FHIR has no element for is one of these
    // warnings at the line it comes from (docs/fhir.md has the whole mapping).

    private const string FhirDoc = " See docs/fhir.md for how each construct of the language maps to FHIR R4.";

    public static readonly DiagnosticDescriptor ExportAucDose = new(
        "RL7001", "AUC dose exported as text", DiagnosticFamily.Export, Severity.Warning,
        "{dose} has no FHIR dose: Calvert's formula needs the patient's GFR, so the PlanDefinition carries it as the dosage's text only",
        "FHIR's `Dosage.doseAndRate.dose` is a quantity; a target AUC (carboplatin `AUC 5`) is a formula of the patient's creatinine clearance, " +
        "not a quantity. Without a patient the export writes it in `Dosage.text` and gives no dose, so a receiving system cannot compute it. " +
        "Exported for a patient (`--patient`), each MedicationRequest has the computed dose in mg." + FhirDoc,
        "carboplatin AUC 5 IV over 30 min day 1   (regimen export R.regimen --format fhir)",
        "regimen export R.regimen --format fhir --patient p.yaml   (the computed mg dose per administration)");

    public static readonly DiagnosticDescriptor ExportRamp = new(
        "RL7002", "Ramp exported as text", DiagnosticFamily.Export, Severity.Warning,
        "'{dose}' steps the dose up, but a FHIR Dosage has one dose: the PlanDefinition carries the steps as the dosage's text only",
        "A ramp gives a different dose for each step of days. FHIR R4's Dosage has one dose (or range) per dosage; the export does not invent " +
        "one dosage per step with timing bounds (receivers read those inconsistently), so the steps are in `Dosage.text` only. " +
        "Exported for a patient, each MedicationRequest has the dose of its step." + FhirDoc,
        "venetoclax ramp 20 mg, 50 mg, 100 mg each 7 days PO daily day 22   (exported without a patient)",
        "regimen export R.regimen --format fhir --patient p.yaml   (each administration with its step's dose)");

    public static readonly DiagnosticDescriptor ExportDividedDose = new(
        "RL7003", "Divided per-day dose exported per day", DiagnosticFamily.Export, Severity.Warning,
        "'divided {frequency}' splits the per-day dose: FHIR has no element for the split, so the dose is exported per day (a rate) with {count} doses a day in the timing",
        "`prednisone 60 mg/m2/day PO divided bid` means 30 mg/m2 twice a day. FHIR's Dosage says the dose of one administration or a rate; " +
        "the export gives the per-day amount as `doseAndRate.rateQuantity` (per day) and the frequency in the timing, so a receiver must do the division " +
        "itself. Exported for a patient, each MedicationRequest has the divided dose." + FhirDoc,
        "prednisone 60 mg/m2/day PO divided bid days 1-5   (exported without a patient)",
        "prednisone 30 mg/m2 PO bid days 1-5");

    public static readonly DiagnosticDescriptor ExportDoseRule = new(
        "RL7004", "Dose rule exported as text", DiagnosticFamily.Export, Severity.Warning,
        [
            "'round to {step}' (dose banding) has no FHIR element: the PlanDefinition carries it as the dosage's text only",
            "'cap {limit}' is not an absolute amount per administration, so it cannot be Dosage.maxDosePerAdministration: the PlanDefinition carries it as the dosage's text only",
        ],
        "`round to` bands the computed dose, and a `cap` per day or in units other than the dose's cannot be FHIR's " +
        "`maxDosePerAdministration` (a cap of one administration in an absolute unit is, and gives no warning). These rules are " +
        "written in `Dosage.text`, where a receiving system shows them but cannot apply them. Exported for a patient, each " +
        "MedicationRequest has the rounded or capped dose." + FhirDoc,
        "cyclophosphamide 750 mg/m2 IV day 1 round to 50 mg   (exported without a patient)",
        "regimen export R.regimen --format fhir --patient p.yaml   (the banded dose per administration)");

    public static readonly DiagnosticDescriptor ExportCondition = new(
        "RL7005", "Condition exported in the regimen language", DiagnosticFamily.Export, Severity.Warning,
        "'when {condition}' is exported as an applicability condition written in the regimen language (text/x-regimen), which FHIR engines do not evaluate",
        "A `when` condition becomes `action.condition` of kind `applicability` with the condition's text and the language " +
        "`text/x-regimen`. FHIR engines evaluate CQL or FHIRPath; the facts a condition tests (age, weight, declared inputs such as cd20) " +
        "are not FHIR paths, and a translation that guesses them would be wrong silently, so the condition is carried as written and " +
        "flagged. Exported for a patient, the conditions are evaluated and only the lines given are exported." + FhirDoc,
        "rituximab 375 mg/m2 IV days 1, 11 when cd20 >= 20%   (exported without a patient)",
        "regimen export R.regimen --format fhir --patient p.yaml --set cd20=35%");

    public static readonly DiagnosticDescriptor ExportRelativeTiming = new(
        "RL7006", "Relative timing not carried whole", DiagnosticFamily.Export, Severity.Warning,
        [
            "'{timing}' is exported as the computed date and time of each dose: the link to {anchor} is lost, so delaying {anchor} does not move these doses",
            "'{timing}': {count} lines give {anchor}, so the action has a relatedAction to each, and FHIR does not say that the one given on the same day applies",
        ],
        "Without a patient, timing from another line (`30 min before rituximab`, `after mtx-load ends`) becomes `action.relatedAction` " +
        "with its offset. Each MedicationRequest of a patient's CarePlan has its own date and time; FHIR R4 requests have no relation " +
        "\"after the end of that request\", so the dependency is written in the dosage's text only. Without a patient, a line timed from a drug that several lines " +
        "of the cycle give (on different days) gets a relatedAction to each of them, which FHIR reads as related to all." + FhirDoc,
        "dexamethasone 20 mg IV 1 h before blinatumomab day 1   (exported with a patient)",
        "regimen export R.regimen --format fhir   (the PlanDefinition keeps the link as relatedAction)");

    public static readonly DiagnosticDescriptor ExportDoseLevels = new(
        "RL7007", "Dose levels not exported", DiagnosticFamily.Export, Severity.Warning,
        "the dose levels of {drug} have no FHIR element: only the dose of the lines (level {level}) is exported",
        "A `levels` line lists the reduced doses of a drug for toxicity. FHIR R4 has no element for a table of dose reductions; the " +
        "export carries the dose the lines give (level 0, or the patient's level with `--patient`) and reports the table here." + FhirDoc,
        "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, -2: 120 mg/m2 }",
        "(no fix in the file: keep the levels; tell the receiving system's pharmacist)");

    public static readonly DiagnosticDescriptor ExportLimit = new(
        "RL7008", "Limit not exported", DiagnosticFamily.Export, Severity.Warning,
        "'limit {drug} {amount} {scope}' has no FHIR element for a drug across lines: the limit is not exported (the checker enforces it here)",
        "A `limit` line bounds a drug across every line that gives it (per dose, per day, per cycle or for the patient's lifetime). " +
        "FHIR's Dosage maxima belong to one dosage of one line; repeating a lifetime limit on each would not say that the doses add up, " +
        "so the limit is not exported and is reported here." + FhirDoc,
        "limit doxorubicin 450 mg/m2 lifetime",
        "(no fix in the file: the limit stays a check of `regimen check`)");

    public static readonly DiagnosticDescriptor ExportPhaseBlock = new(
        "RL7009", "Phase block days exported from the phase's start", DiagnosticFamily.Export, Severity.Warning,
        "the lines of 'phase {phase}' run across its cycles: FHIR's daysOfCycle counts within one cycle, so their days are exported counted from the phase's first day under the phase's action",
        "A `phase` block's days count from day 1 of the phase's first cycle and run across cycles. The timing-daysOfCycle extension " +
        "counts days of a cycle defined by an enclosing action's timing; the export puts these lines under the phase's action with the " +
        "phase's length as that timing, which a receiver that expects cycles of the plan may misread." + FhirDoc,
        "phase induction {\n  dasatinib 140 mg PO throughout\n}",
        "(no fix in the file; exported with a patient, each administration has its date)");

    public static readonly DiagnosticDescriptor ExportInput = new(
        "RL7010", "Input declaration not exported", DiagnosticFamily.Export, Severity.Warning,
        "input {name} ({kind}) has no FHIR element: conditions name it, but its type and description are not exported",
        "An `input` declares a patient fact that conditions test (a percentage of CD20-positive blasts, a flag). FHIR would need an " +
        "Observation definition and a code system for it; the export writes the conditions with the input's name only." + FhirDoc,
        "input cd20: percent \"CD20 expression on blasts\"",
        "(no fix in the file: the conditions carry the name)");

    public static readonly DiagnosticDescriptor ExportSuppression = new(
        "RL7011", "Suppression not exported", DiagnosticFamily.Export, Severity.Warning,
        "this suppression of {codes} is a review decision with no FHIR element: it and its reason are not exported",
        "`# regimen-disable-next-line CODE -- reason` records that a reviewer accepted a finding. FHIR has no element for a review " +
        "decision about a line; it is not exported. (Other comments are not clinical content and are not exported either.)" + FhirDoc,
        "# regimen-disable-next-line RL3011 -- premedication per institutional practice",
        "(no fix in the file: the suppression stays in the regimen's review history)");

    public static readonly DiagnosticDescriptor ExportDayBeforeCycle = new(
        "RL7012", "Days before day 1 exported as text", DiagnosticFamily.Export, Severity.Warning,
        "the line's {days} before day 1 of the cycle: FHIR's timing-daysOfCycle counts from day 1, so these days are exported in the dosage's text only",
        "Day 0 and negative days (conditioning before a transplant, `days -6 to -1`) are days before the cycle's day 1. The " +
        "timing-daysOfCycle extension numbers days from 1; the export leaves them out of the extension and writes them in `Dosage.text`. " +
        "Exported for a patient, each MedicationRequest has its date." + FhirDoc,
        "carmustine 300 mg/m2 IV over 2 h day -6",
        "regimen export R.regimen --format fhir --patient p.yaml");

    public static readonly DiagnosticDescriptor ExportRouteChoice = new(
        "RL7013", "Choice of routes exported as one dosage per route", DiagnosticFamily.Export, Severity.Warning,
        "'{routes}' is a choice of routes, but a FHIR Dosage has one route: it is exported as one dosage per route, and FHIR does not say they are alternatives",
        "`IV or PO` lets the prescriber choose. FHIR R4's `Dosage.route` holds one route; the ActivityDefinition gets one Dosage per " +
        "route (the same sequence number), and a patient's MedicationRequest gets the first route with the choice in the dosage's text." + FhirDoc,
        "dexamethasone 40 mg IV or PO daily days 1-4",
        "dexamethasone 40 mg PO daily days 1-4");

    public static readonly DiagnosticDescriptor ExportMetadata = new(
        "RL7014", "Metadata not exported", DiagnosticFamily.Export, Severity.Warning,
        [
            "metadata '{key}' has no FHIR element: it is not exported",
            "status '{value}' is not a FHIR publication status (draft, active, retired, unknown): exported as draft",
        ],
        "The header and metadata map to PlanDefinition elements: the title to `title`, `id` to `id` and `name`, `version`, `status`, " +
        "`indication` to `description`, `population` to `usage`, `author` to `author`, each `source` to `relatedArtifact`. " +
        "Another key, or a status FHIR does not have, is reported here." + FhirDoc,
        "reviewer: Dr A",
        "(no fix needed if the key is for local use; it stays in the file)");

    public static readonly DiagnosticDescriptor ExportPlanBranch = new(
        "RL7015", "Plan branch exported one way", DiagnosticFamily.Export, Severity.Warning,
        "the plan branch on '{condition}' is exported the way its first alternative goes: the PlanDefinition has no actions for the other way",
        "A plan branch (`(avd x 4 when pet2 = negative else escalated x 4)`) chooses the rest of the plan by a patient's value. FHIR " +
        "could carry both ways as actions with applicability conditions and a selection behaviour, but the export does not write that " +
        "yet: without a patient the PlanDefinition is laid out with the first alternative taken, and this warning says so. Exported for " +
        "a patient, the CarePlan follows the patient's way and nothing is lost." + FhirDoc,
        "main: abvd x 2 then (avd x 4 when pet2 = negative else beacopp x 4)   (exported without a patient)",
        "regimen export R.regimen --format fhir --patient p.yaml   (the patient's way)");

    public static readonly DiagnosticDescriptor ExportOpenEnded = new(
        "RL7016", "Open-ended course exported as its expected course", DiagnosticFamily.Export, Severity.Warning,
        "'repeat until {event} ({bounds})' has no end FHIR can state: the export lists {shown}, not a course until {event}",
        "An open-ended repeat (`repeat until progression (expect 6 cycles, at most 2 years)`) ends on an event. The export lays the " +
        "plan out at the course the timeline shows: the expected course, else the shortest (`at least`), else the longest (`at most`); " +
        "the event and the bounds are in the action's text only." + FhirDoc,
        "maintenance: len repeat until progression (expect 12 cycles, at most 5 years)",
        "(no fix in the file: the receiving system must continue or stop the course)");

    public static readonly DiagnosticDescriptor ExportOrder = new(
        "RL7017", "Order not exported", DiagnosticFamily.Export, Severity.Warning,
        "order \"{text}\" is not exported: FHIR would need a ServiceRequest definition for it, which the export does not write",
        "Non-drug orders (a drug level, a lumbar puncture, cranial irradiation) would be ActivityDefinitions of kind ServiceRequest with " +
        "a code for the service; the export writes medication actions only, so each order is reported here." + FhirDoc,
        "order \"methotrexate level\" 24 h, 48 h after mtx starts",
        "(no fix in the file: the order stays in the timeline and the roadmap)");

    public static readonly DiagnosticDescriptor ExportAsNeeded = new(
        "RL7018", "As-needed maximum exported as text", DiagnosticFamily.Export, Severity.Warning,
        "the as-needed dose is exported with its reason ('{reason}'), but its maximum{max} is in the dosage's text only",
        "A `prn` dose becomes a Dosage with `asNeededCodeableConcept` (the reason as text). Its most doses a day would be " +
        "`maxDosePerPeriod`, which needs the dose as a quantity per day; the export leaves it in the dosage's text." + FhirDoc,
        "ondansetron 8 mg PO prn \"nausea\" (at most 3 per day)",
        "(no fix in the file)");

    public static readonly DiagnosticDescriptor ExportUntilDuration = new(
        "RL7019", "Lab-driven duration exported as its expected course", DiagnosticFamily.Export, Severity.Warning,
        "'until {condition}' has no end FHIR can state: the export lists the expected course ({days}), not a course until {condition}",
        "A line with a lab- or event-driven duration (`filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 7 days, at most 14 days)`) " +
        "ends when its condition is met. The export lists the days of its expected course (the longest when none is expected), as the " +
        "timeline does; the condition and the longest course are in the action's title and the request's text only." + FhirDoc,
        "filgrastim 5 mcg/kg SC daily day 8 until anc >= 1.0 (expect 7 days, at most 14 days)",
        "(no fix in the file: the receiving system must stop the line when the condition is met)");

    public static readonly DiagnosticDescriptor ExportDoseChange = new(
        "RL7020", "Dose change on an event exported one way", DiagnosticFamily.Export, Severity.Warning,
        "'until {event} then {dose}' has no dose change FHIR can state: the PlanDefinition gives the dose before {event}; {dose} after it is in the action's title only",
        "A dose change on a response event (`ponatinib 30 mg PO daily days 1-28 until cmr then 15 mg`) gives one dose until the event and " +
        "another after it. FHIR could carry both as actions with start and stop conditions, but the export does not write them: without a " +
        "patient the line is exported at its first dose and this warning says so. Exported for a patient, each MedicationRequest has the " +
        "dose the timeline gives on its date (the second from the date the patient file's `events:` records)." + FhirDoc,
        "ponatinib 30 mg PO daily days 1-28 until cmr then 15 mg   (exported without a patient)",
        "regimen export R.regimen --format fhir --patient p.yaml   (the patient's doses, the event dated in events:)");

    private static IEnumerable<DiagnosticDescriptor> ExportFamily() =>
    [
        ExportAucDose, ExportRamp, ExportDividedDose, ExportDoseRule, ExportCondition, ExportRelativeTiming, ExportDoseLevels,
        ExportLimit, ExportPhaseBlock, ExportInput, ExportSuppression, ExportDayBeforeCycle, ExportRouteChoice, ExportMetadata,
        ExportPlanBranch, ExportOpenEnded, ExportOrder, ExportAsNeeded, ExportUntilDuration, ExportDoseChange,
    ];
}

public static partial class Diagnose
{
    public static Diagnostic ExportAucDose(SourceSpan at, string dose) => DiagnosticCatalog.ExportAucDose.Create(at, ("dose", dose));

    public static Diagnostic ExportRamp(SourceSpan at, string dose) => DiagnosticCatalog.ExportRamp.Create(at, ("dose", dose));

    public static Diagnostic ExportDividedDose(SourceSpan at, string frequency, int count) =>
        DiagnosticCatalog.ExportDividedDose.Create(at, ("frequency", frequency), ("count", count));

    public static Diagnostic ExportRounding(SourceSpan at, string step) => DiagnosticCatalog.ExportDoseRule.Create(at, 0, ("step", step));

    public static Diagnostic ExportCapAsText(SourceSpan at, string limit) => DiagnosticCatalog.ExportDoseRule.Create(at, 1, ("limit", limit));

    public static Diagnostic ExportCondition(SourceSpan at, string condition) => DiagnosticCatalog.ExportCondition.Create(at, ("condition", condition));

    public static Diagnostic ExportRelativeTiming(SourceSpan at, string timing, string anchor) =>
        DiagnosticCatalog.ExportRelativeTiming.Create(at, 0, ("timing", timing), ("anchor", anchor));

    public static Diagnostic ExportAmbiguousAnchor(SourceSpan at, string timing, string anchor, int count) =>
        DiagnosticCatalog.ExportRelativeTiming.Create(at, 1, ("timing", timing), ("anchor", anchor), ("count", count));

    public static Diagnostic ExportDoseLevels(SourceSpan at, string drug, int level) =>
        DiagnosticCatalog.ExportDoseLevels.Create(at, ("drug", drug), ("level", level));

    public static Diagnostic ExportLimit(SourceSpan at, string drug, string amount, string scope) =>
        DiagnosticCatalog.ExportLimit.Create(at, ("drug", drug), ("amount", amount), ("scope", scope));

    public static Diagnostic ExportPhaseBlock(SourceSpan at, string phase) => DiagnosticCatalog.ExportPhaseBlock.Create(at, ("phase", phase));

    public static Diagnostic ExportInput(SourceSpan at, string name, string kind) => DiagnosticCatalog.ExportInput.Create(at, ("name", name), ("kind", kind));

    public static Diagnostic ExportSuppression(SourceSpan at, string codes) => DiagnosticCatalog.ExportSuppression.Create(at, ("codes", codes));

    public static Diagnostic ExportDayBeforeCycle(SourceSpan at, string days) => DiagnosticCatalog.ExportDayBeforeCycle.Create(at, ("days", days));

    public static Diagnostic ExportRouteChoice(SourceSpan at, string routes) => DiagnosticCatalog.ExportRouteChoice.Create(at, ("routes", routes));

    public static Diagnostic ExportMetadata(SourceSpan at, string key) => DiagnosticCatalog.ExportMetadata.Create(at, 0, ("key", key));

    public static Diagnostic ExportStatus(SourceSpan at, string value) => DiagnosticCatalog.ExportMetadata.Create(at, 1, ("value", value));

    public static Diagnostic ExportPlanBranch(SourceSpan at, string condition) => DiagnosticCatalog.ExportPlanBranch.Create(at, ("condition", condition));

    public static Diagnostic ExportOpenEnded(SourceSpan at, string @event, string bounds, string shown) =>
        DiagnosticCatalog.ExportOpenEnded.Create(at, ("event", @event), ("bounds", bounds), ("shown", shown));

    public static Diagnostic ExportOrder(SourceSpan at, string text) => DiagnosticCatalog.ExportOrder.Create(at, ("text", text));

    public static Diagnostic ExportUntilDuration(SourceSpan at, string condition, string days) =>
        DiagnosticCatalog.ExportUntilDuration.Create(at, ("condition", condition), ("days", days));

    public static Diagnostic ExportDoseChange(SourceSpan at, string @event, string dose) =>
        DiagnosticCatalog.ExportDoseChange.Create(at, ("event", @event), ("dose", dose));

    public static Diagnostic ExportAsNeeded(SourceSpan at, string reason, string max) => DiagnosticCatalog.ExportAsNeeded.Create(at, ("reason", reason), ("max", max));
}
