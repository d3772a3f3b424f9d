using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;

namespace RegimenLang.Evaluation;

/// <summary>Options of an expansion that are not facts about the patient.</summary>
/// <param name="DefaultStart">The start date when neither the patient file nor --start gives one.</param>
public sealed record PatientOptions(BsaFormula Formula, decimal? BsaCap, DateOnly DefaultStart);

/// <summary>
/// Turns the combined patient values into a <see cref="Patient"/> for one regimen: computes the BSA,
/// applies the BSA cap, and types each input by the regimen's <c>input</c> declaration.
/// </summary>
public static class PatientBuilder
{
    public static Patient? Build(PatientDraft draft, PatientOptions options, BoundRegimen regimen, List<Diagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        BodySurface? bsa = null;
        if (draft.Bsa is { } given)
        {
            bsa = new BodySurface(Math.Round(given, 2, MidpointRounding.AwayFromZero), BsaSource.Given, null);
        }
        else if (draft.HeightCm is { } h && draft.WeightKg is { } w)
        {
            bsa = new BodySurface(BodySurfaceArea.Compute(options.Formula, h, w),
                options.Formula == BsaFormula.DuBois ? BsaSource.DuBois : BsaSource.Mosteller, null);
        }
        if (bsa is not null && options.BsaCap is { } cap && bsa.Value > cap)
        {
            bsa = bsa with { Value = cap, Uncapped = bsa.Value };
        }

        var inputs = ImmutableDictionary.CreateBuilder<string, PatientInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in draft.Inputs.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!regimen.Facts.TryGetValue(raw.Name, out var fact) || fact.IsBuiltIn)
            {
                var declared = regimen.Facts.Values.Where(f => !f.IsBuiltIn).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
                Report(diagnostics, raw.Origin, fact is { IsBuiltIn: true }
                    ? $"'{raw.Name}' is a built-in patient fact: give it as '{raw.Name}:' at the top level (or {fact.Flag}), not as an input"
                    : $"the regimen declares no input '{raw.Name}'; its inputs are {(declared.Count == 0 ? "none" : string.Join(", ", declared))}");
                continue;
            }
            if (Type(raw, fact, out var input, out var problem))
            {
                inputs[fact.Name] = input!;
            }
            else
            {
                Report(diagnostics, raw.Origin, problem);
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
                Report(diagnostics, raw.Origin, $"prior: '{raw.Drug}' is not a drug of the formulary");
            }
        }

        if (diagnostics.Count > before)
        {
            return null;
        }
        return new Patient(draft.HeightCm, draft.WeightKg, draft.AgeYears, draft.Sex, draft.CrclMlPerMin, bsa,
            inputs.ToImmutable(), prior.ToImmutable(), draft.Start ?? options.DefaultStart, draft.Time ?? Patient.DefaultFirstDoseTime);
    }

    private static bool Type(RawInput raw, FactDefinition fact, out PatientInput? input, out string problem)
    {
        input = null;
        problem = "";
        string text = raw.Text.Trim();
        switch (fact.Kind)
        {
            case FactKind.Flag:
                if (text.ToLowerInvariant() is "true" or "false")
                {
                    input = new PatientInput(fact.Name, text.Equals("true", StringComparison.OrdinalIgnoreCase), null, text);
                    return true;
                }
                problem = $"input '{fact.Name}' is a flag: true or false, not '{text}'";
                return false;
            case FactKind.Percent:
                if (Syntax.Parsing.QuantityText.TryParseMeasurement(text, out var pct, out var unit, out _) && unit == "%")
                {
                    if (pct < 0 || pct > 100)
                    {
                        problem = $"input '{fact.Name}' is a percentage from 0% to 100%, not {text}";
                        return false;
                    }
                    input = new PatientInput(fact.Name, null, pct, text);
                    return true;
                }
                problem = $"input '{fact.Name}' is a percentage such as 35%, not '{text}'";
                return false;
            default:
                if (Syntax.Parsing.QuantityText.TryParseMeasurement(text, out var number, out var u, out _)
                    && (u is null || fact.AcceptedUnits.Contains(u, StringComparer.OrdinalIgnoreCase)))
                {
                    input = new PatientInput(fact.Name, null, number, text);
                    return true;
                }
                problem = $"input '{fact.Name}' is a number{(fact.Unit is null ? "" : " in " + fact.Unit)}, not '{text}'";
                return false;
        }
    }

    private static void Report(List<Diagnostic> diagnostics, ValueOrigin origin, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticCatalog.InvalidPatientValue, origin.File, origin.Span,
            DiagnosticCatalog.InvalidPatientValue.FormatMessage(origin.FlagName is { } flag ? $"{flag}: {message}" : message), Severity.Error));
}
