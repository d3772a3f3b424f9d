using System.Collections.Immutable;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>A drug's dose level as applied in a timeline: the level and what it gives (<c>-1: 150 mg/m2</c>, <c>-3: omit</c>).</summary>
public sealed record AppliedDoseLevel(string Drug, int Level, string Value, bool Omitted);

/// <summary>
/// The dose levels one patient (or one checker scenario) is at, applied to the regimen's lines: a drug with a <c>levels</c>
/// line is at the patient's level of it, or 0; a level that omits the drug leaves its lines out. The evaluator and the
/// checker both dose through this, so the checker counts the doses the timeline shows.
/// </summary>
public sealed class LevelSelection
{
    private readonly SemanticModel _model;
    private readonly Patient _patient;

    private LevelSelection(SemanticModel model, Patient patient)
    {
        _model = model;
        _patient = patient;
    }

    public static LevelSelection For(SemanticModel model, Patient patient) => new(model, patient);

    /// <summary>The level of the line's drug, or null when the regimen gives the drug no levels.</summary>
    public DoseLevel? LevelOf(BoundAdministration line) =>
        _model.LevelTables.Count == 0 || _model.LevelsOf(line.DrugName) is not { } table ? null : table.Find(_patient.DoseLevelOf(table.Drug.Name)) ?? table.Full;

    /// <summary>The level of the drug of a laid-out dose: the one a recorded change put it at by that cycle, or the patient's.</summary>
    public DoseLevel? LevelOf(PlacedDose dose) =>
        _model.LevelTables.Count == 0 ? null
        : _patient.AsGiven.ChangeOf(dose.Administration.DrugName, dose.Instance.Cycle) is { Level: { } changed } && _model.LevelsOf(dose.Administration.DrugName) is { } table
            ? table.Find(changed) ?? table.Full
            : LevelOf(dose.Administration);

    /// <summary>Whether the patient's level of the line's drug omits it in every cycle (a recorded change of level may bring it back).</summary>
    public bool Omitted(BoundAdministration line) =>
        LevelOf(line) is { IsOmit: true } && !_patient.AsGiven.Changes.Any(c => string.Equals(c.Drug, line.DrugName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the level of the dose's drug in its cycle omits it.</summary>
    public bool OmittedIn(PlacedDose dose) => LevelOf(dose) is { IsOmit: true };

    /// <summary>
    /// The dose of a laid-out administration at the patient's level (the line's dose, or its ramp step, as written at level 0); for a line
    /// whose dose changes on an event (<c>until cmr then 15 mg</c>), the dose after it from the date the patient's events give it on. A
    /// level then applies to the second dose in the same proportion as to the first, so a scenario that checks a level checks both.
    /// </summary>
    public DoseSyntax Prescribed(PlacedDose dose)
    {
        var line = dose.Administration;
        var written = AfterEvent(dose) ? line.Line.Until!.Then! : dose.Prescribed;
        if (_model.LevelTables.Count == 0)
        {
            return written; // asked for every laid-out dose: nothing to look up in a regimen without levels
        }
        return LevelOf(dose) is { } level && _model.LevelsOf(line.DrugName) is { } table
            ? DoseLevelArithmetic.Apply(table, level, line.Dose, written) ?? written
            : written;
    }

    /// <summary>The date the patient's events give the event of the dose's line (<c>until cmr then 15 mg</c>), or null (no such line, or not happened).</summary>
    public DateOnly? EventDate(PlacedDose dose) =>
        dose.Line.Until is { Then: not null, Event: { } name } && _patient.Events.TryGetValue(name, out var date) ? date : null;

    /// <summary>Whether a dose of a line whose dose changes on an event falls on or after the event's date.</summary>
    public bool AfterEvent(PlacedDose dose) =>
        EventDate(dose) is { } date && _patient.Start.AddDays((int)DoseLayout.FloorDiv(dose.StartMinutes, Schedule.MinutesPerDay)) >= date;

    /// <summary>Every drug with levels and the level that applies, in drug order (for the timeline's header).</summary>
    public ImmutableArray<AppliedDoseLevel> Applied() =>
        [.. _model.LevelTables.Values.OrderBy(t => t.Drug.Name, StringComparer.Ordinal).Select(t =>
        {
            var level = t.Find(_patient.DoseLevelOf(t.Drug.Name)) ?? t.Full;
            return new AppliedDoseLevel(t.Drug.Name, level.Number, level.Syntax.ValueText, level.IsOmit);
        })];
}
