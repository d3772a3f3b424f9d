using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Facts;
using RegimenLang.Text;
using RegimenLang.Syntax.Parsing;

namespace RegimenLang.Semantics.Patients;

/// <summary>Options of an expansion that are not facts about the patient.</summary>
/// <param name="DefaultStart">The start date when neither the patient file nor --start gives one.</param>
public sealed record PatientOptions(BsaFormula Formula, decimal? BsaCap, DateOnly DefaultStart);

/// <summary>
/// Turns the combined patient values into a <see cref="Patient"/> for one regimen: computes the BSA,
/// applies the BSA cap, and types each input by the regimen's <c>input</c> declaration.
/// </summary>
public static class PatientBuilder
{
    public static Patient? Build(PatientDraft draft, PatientOptions options, SemanticModel regimen, List<Diagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        decimal? Number(BuiltInFact fact) => draft.Fact(fact)?.Number;

        BodySurface? bsa = null;
        if (Number(BuiltInFacts.Bsa) is { } given)
        {
            bsa = new BodySurface(Math.Round(given, 2, MidpointRounding.AwayFromZero), BsaSource.Given, null);
        }
        else if (Number(BuiltInFacts.Height) is { } h && Number(BuiltInFacts.Weight) is { } w)
        {
            bsa = new BodySurface(BodySurfaceArea.Compute(options.Formula, h, w),
                options.Formula == BsaFormula.DuBois ? BsaSource.DuBois : BsaSource.Mosteller, null);
        }
        // The cap is rounded as every BSA is (2 decimals), so the BSA used for dosing always has 2 decimals.
        if (bsa is not null && options.BsaCap is { } rawCap && Math.Round(rawCap, 2, MidpointRounding.AwayFromZero) is var cap && bsa.Value > cap)
        {
            bsa = bsa with { Value = cap, Uncapped = bsa.Value };
        }

        var inputs = ImmutableDictionary.CreateBuilder<string, PatientInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in draft.Inputs.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!regimen.Facts.TryGetValue(raw.Name, out var symbol) || symbol.Fact.IsBuiltIn)
            {
                var declared = regimen.Facts.Values.Where(f => !f.Fact.IsBuiltIn).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
                Report(diagnostics, raw.Origin, symbol is { Fact.IsBuiltIn: true }
                    ? PatientProblems.BuiltInAsInput(raw.Name, symbol.Fact.Flag)
                    : PatientProblems.UndeclaredInput(raw.Name, declared));
                continue;
            }
            var (input, problem) = Type(raw, symbol.Fact);
            if (input is not null)
            {
                inputs[symbol.Name] = input;
            }
            else
            {
                Report(diagnostics, raw.Origin, problem!);
            }
        }

        var prior = ImmutableArray.CreateBuilder<PriorExposure>();
        foreach (var raw in draft.Prior)
        {
            if (regimen.Formulary.Find(raw.Drug) is { } drug)
            {
                prior.Add(new PriorExposure(drug.Name, raw.Dose));
            }
            else
            {
                Report(diagnostics, raw.Origin, PatientProblems.PriorUnknownDrug(raw.Drug));
            }
        }

        var levels = DoseLevels(draft, regimen, diagnostics);
        var asGiven = AsGiven(draft, regimen, diagnostics);
        var events = Events(draft, regimen, diagnostics);

        if (diagnostics.Count > before)
        {
            return null;
        }
        return new Patient(Number(BuiltInFacts.Height), Number(BuiltInFacts.Weight), Number(BuiltInFacts.Age),
            draft.Fact(BuiltInFacts.Sex)?.Word, Number(BuiltInFacts.Crcl), bsa,
            inputs.ToImmutable(), prior.ToImmutable(), draft.Start ?? options.DefaultStart, draft.Time ?? Patient.DefaultFirstDoseTime)
        {
            DoseLevels = levels,
            Id = draft.Id,
            Label = draft.Label,
            AsGiven = asGiven,
            Events = events,
        };
    }

    /// <summary>
    /// The treatment as given, its drugs named as the regimen names them (each one a drug of the regimen) and each level one the
    /// drug's <c>levels</c> line defines (RL6031 otherwise); <c>--as-of</c> overrides the file's date.
    /// </summary>
    private static TreatmentRecord AsGiven(PatientDraft draft, SemanticModel regimen, List<Diagnostic> diagnostics)
    {
        var record = draft.Given ?? TreatmentRecord.None;
        string? Drug(string written, RecordOrigin origin)
        {
            if (regimen.Formulary.Find(written) is { } drug && regimen.Administrations.Any(l => string.Equals(l.DrugName, drug.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return drug.Name;
            }
            diagnostics.Add(Diagnose.RecordUnknownDrug(new SourceSpan(0, 0, origin.Line, origin.Column), written) with { File = origin.File });
            return null;
        }
        var changes = ImmutableArray.CreateBuilder<DrugChange>();
        foreach (var change in record.Changes)
        {
            if (Drug(change.Drug, change.Origin) is not { } name)
            {
                continue;
            }
            if (change.Level is { } level && regimen.LevelsOf(name)?.Find(level) is null)
            {
                var table = regimen.LevelsOf(name);
                string known = table is null ? " (the regimen gives it no dose levels)" : $" (its levels are {string.Join(", ", table.Numbers)})";
                diagnostics.Add(Diagnose.RecordUnknownLevel(new SourceSpan(0, 0, change.Origin.Line, change.Origin.Column), name, level, known)
                    with { File = change.Origin.File });
                continue;
            }
            changes.Add(change with { Drug = name });
        }
        var doses = ImmutableArray.CreateBuilder<GivenDose>();
        foreach (var dose in record.Doses)
        {
            if (Drug(dose.Drug, dose.Origin) is { } name)
            {
                doses.Add(dose with { Drug = name });
            }
        }
        return record with { Changes = changes.ToImmutable(), Doses = doses.ToImmutable(), AsOf = draft.AsOf ?? record.AsOf };
    }

    /// <summary>The dates of the events the regimen's lines change dose at (<c>until cmr then 15 mg</c>); any other name is an RL6002.</summary>
    private static ImmutableDictionary<string, DateOnly> Events(PatientDraft draft, SemanticModel regimen, List<Diagnostic> diagnostics)
    {
        var known = regimen.Administrations.Select(a => a.Line.Until).OfType<Syntax.Nodes.UntilModifier>()
            .Where(u => u.Then is not null && u.Event is not null).Select(u => u.Event!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var events = ImmutableDictionary.CreateBuilder<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in draft.Events.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (known.Contains(raw.Name, StringComparer.OrdinalIgnoreCase))
            {
                events[raw.Name] = raw.Date;
            }
            else
            {
                Report(diagnostics, raw.Origin, PatientProblems.UnknownEvent(raw.Name, known));
            }
        }
        return events.ToImmutable();
    }

    /// <summary>The patient's level per drug, each one a level the regimen's <c>levels</c> line for that drug defines (RL6030 otherwise).</summary>
    private static ImmutableDictionary<string, int> DoseLevels(PatientDraft draft, SemanticModel regimen, List<Diagnostic> diagnostics)
    {
        var levels = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in draft.Levels.Values.OrderBy(r => r.Drug, StringComparer.Ordinal))
        {
            var origin = raw.Origin;
            string flag = origin.FlagName ?? "";
            Diagnostic? problem = null;
            if (regimen.Formulary.Find(raw.Drug) is not { } drug)
            {
                problem = DoseLevelProblems.UnknownDrug(origin.Span, flag, raw.Drug);
            }
            else if (!int.TryParse(raw.Text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int level))
            {
                problem = DoseLevelProblems.NotALevel(origin.Span, flag, drug.Name, raw.Text.Trim());
            }
            else if (regimen.LevelsOf(drug.Name) is not { } table)
            {
                problem = DoseLevelProblems.NoLevels(origin.Span, flag, drug.Name, [.. regimen.LevelTables.Keys.Order(StringComparer.Ordinal)]);
            }
            else if (table.Find(level) is null)
            {
                problem = DoseLevelProblems.NotALevelOf(origin.Span, flag, drug.Name, level, table.Numbers);
            }
            else
            {
                levels[drug.Name] = level;
            }
            if (problem is not null)
            {
                diagnostics.Add(problem with { File = origin.File });
            }
        }
        return levels.ToImmutable();
    }

    private static (PatientInput? Input, PatientValueProblem? Problem) Type(RawInput raw, FactDefinition fact)
    {
        string text = raw.Text.Trim();
        switch (fact.Kind)
        {
            case FactKind.Flag:
                return text.ToLowerInvariant() is "true" or "false"
                    ? (new PatientInput(fact.Name, FactValue.Of(text.Equals("true", StringComparison.OrdinalIgnoreCase)), text), null)
                    : (null, PatientProblems.FlagValue(fact.Name, text));
            case FactKind.Percent:
                if (QuantityText.TryParseMeasurement(text, out var pct, out var unit, out _) && unit == "%")
                {
                    return pct < 0 || pct > 100
                        ? (null, PatientProblems.PercentOutOfRange(fact.Name, text))
                        : (new PatientInput(fact.Name, FactValue.Of(pct), text), null);
                }
                return (null, PatientProblems.NotAPercent(fact.Name, text));
            case FactKind.Word:
                // A choice input: one of its values (any case), kept as the regimen writes it.
                return fact.Words.FirstOrDefault(w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase)) is { } word
                    ? (new PatientInput(fact.Name, FactValue.Of(word), text), null)
                    : (null, PatientProblems.NotOneOf($"input '{fact.Name}'", fact.Words, text));
            default:
                return QuantityText.TryParseMeasurement(text, out var number, out var u, out _)
                    && (u is null || fact.AcceptedUnits.Contains(u, StringComparer.OrdinalIgnoreCase))
                    ? (new PatientInput(fact.Name, FactValue.Of(number), text), null)
                    : (null, PatientProblems.NotANumber(fact.Name, fact.Unit, text));
        }
    }

    private static void Report(List<Diagnostic> diagnostics, ValueOrigin origin, PatientValueProblem problem) =>
        diagnostics.Add(problem.ToDiagnostic(origin.Span, origin.FlagName ?? "") with { File = origin.File });
}
