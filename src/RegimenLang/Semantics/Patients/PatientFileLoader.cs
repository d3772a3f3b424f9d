using System.Collections.Immutable;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Yaml;
using RegimenLang.Yaml.Dto;

namespace RegimenLang.Semantics.Patients;

/// <summary>
/// Reads a patient file strictly: every problem is an RL6002 at its YAML line and column. The built-in
/// facts are read through <see cref="BuiltInFacts"/> (the key is the fact's name), so the file, the flags
/// and the conditions agree on every unit.
/// </summary>
public static class PatientFileLoader
{
    private static readonly string[] Keys = ["id", "label", .. BuiltInFacts.Names, "start", "time", "inputs", "prior", "levels", "given", "events"];

    /// <summary>
    /// The values of the file, or null when it is not a patient file at all. Problems go to
    /// <paramref name="diagnostics"/>; the values that were read are still returned, so the inputs can be
    /// checked against the regimen too and every problem is reported in one run.
    /// </summary>
    public static PatientDraft? Load(string text, DiagnosticBag diagnostics)
    {
        var read = YamlInput.Read<PatientFileDto>(text);
        if (read.TooLarge)
        {
            diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidPatientValue, new SourceSpan(0, 0, 1, 1),
                new YamlProblem(YamlProblemKind.TooLarge, "a patient file", Detail: YamlInput.MaxExpandedNodes.ToString("#,0", CultureInfo.InvariantCulture))));
            return null;
        }
        if (read.Error is { } e)
        {
            var (line, column, problem) = YamlErrors.Describe(e, "a patient file", Keys, "170 cm or 35%");
            diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidPatientValue, new SourceSpan(0, 0, line, column), problem));
            return null;
        }
        var dto = read.Value ?? new PatientFileDto();
        var positions = read.Positions;
        string file = diagnostics.File;

        ValueOrigin At(params object[] path)
        {
            var (line, column) = positions.Find(path);
            return new ValueOrigin(file, line, column);
        }
        void Error(PatientValueProblem problem, params object[] path) => diagnostics.Add(problem.ToDiagnostic(At(path).Span));

        // Identity is text as written (trimmed): it names the patient in a calendar and keeps two patients' events apart.
        var draft = new PatientDraft { Id = NonEmpty(dto.Id), Label = NonEmpty(dto.Label) };
        foreach (var fact in BuiltInFacts.All)
        {
            if (dto.Fact(fact.Name) is { } written)
            {
                var reading = fact.Parse(written, false);
                if (reading.Value is { } value)
                {
                    draft = draft.With(fact, value);
                }
                else
                {
                    Error(reading.Problem!, fact.Name);
                }
            }
        }
        if (dto.Start is { } start)
        {
            var (date, problem) = CalendarValues.Date("start", start);
            if (problem is null) { draft = draft with { Start = date }; } else { Error(problem, "start"); }
        }
        if (dto.Time is { } time)
        {
            var (clock, problem) = CalendarValues.Time("time", time);
            if (problem is null) { draft = draft with { Time = clock }; } else { Error(problem, "time"); }
        }

        var inputs = ImmutableDictionary.CreateBuilder<string, RawInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in dto.Inputs ?? [])
        {
            // Typed later, against the regimen's input declarations; the position travels with the text.
            inputs[name] = new RawInput(name, value ?? "", At("inputs", name));
        }

        var prior = ImmutableArray.CreateBuilder<RawPrior>();
        foreach (var (drug, value) in dto.Prior ?? [])
        {
            if (value is not null && QuantityText.TryParseDose(value.Trim(), out var dose, out _) && dose is not null)
            {
                prior.Add(new RawPrior(drug, dose, At("prior", drug)));
            }
            else
            {
                Error(PatientProblems.PriorNotADose(drug, value), "prior", drug);
            }
        }

        var levels = ImmutableDictionary.CreateBuilder<string, RawLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var (drug, value) in dto.Levels ?? [])
        {
            // Checked later, against the regimen's levels lines.
            levels[drug] = new RawLevel(drug, value ?? "", At("levels", drug));
        }

        var given = dto.Given is { } record ? TreatmentRecordReader.Read(record, At, diagnostics) : null;

        var events = ImmutableDictionary.CreateBuilder<string, RawEvent>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in dto.Events ?? [])
        {
            // The date is read here; the name is checked later, against the events the regimen's lines change dose at.
            var (date, problem) = CalendarValues.Date(name, value ?? "");
            if (problem is null) { events[name] = new RawEvent(name, date, At("events", name)); } else { Error(problem, "events", name); }
        }

        return draft with { Inputs = inputs.ToImmutable(), Prior = prior.ToImmutable(), Levels = levels.ToImmutable(), Given = given, Events = events.ToImmutable() };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
