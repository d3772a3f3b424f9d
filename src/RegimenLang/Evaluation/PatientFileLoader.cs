using System.Collections.Immutable;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation.Yaml;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RegimenLang.Evaluation;

/// <summary>Reads a patient file (LANGUAGE.md §7) strictly: every problem is an RL6002 at its YAML line and column.</summary>
public static class PatientFileLoader
{
    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new Semantics.Formulary.FormularyYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly string[] Keys = ["height", "weight", "age", "sex", "crcl", "bsa", "start", "time", "inputs", "prior"];

    /// <summary>
    /// The values of the file, or null when it is not a patient file at all. Problems go to
    /// <paramref name="diagnostics"/>; the values that were read are still returned, so the inputs can be
    /// checked against the regimen too and every problem is reported in one run.
    /// </summary>
    public static PatientDraft? Load(string text, DiagnosticBag diagnostics)
    {
        var read = YamlInput.Read<PatientFileDto>(Deserializer, text);
        if (read.Error is { } e)
        {
            var (line, column, message) = YamlErrors.Describe(e, "a patient file", Keys);
            message = message.Contains("No node deserializer", StringComparison.Ordinal)
                ? "expected a single value here (such as 170 cm or 35%), not a list or a mapping"
                : message;
            diagnostics.Add(DiagnosticCatalog.InvalidPatientValue, new Text.SourceSpan(0, 0, line, column), message);
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
        void Error(string message, params object[] path) =>
            diagnostics.Add(DiagnosticCatalog.InvalidPatientValue, At(path).Span, message);

        var draft = new PatientDraft();
        if (dto.Height is { } h)
        {
            if (PatientQuantities.TryHeight(h, plainAllowed: false, out var cm, out var error)) { draft = draft with { HeightCm = cm }; } else { Error(error, "height"); }
        }
        if (dto.Weight is { } w)
        {
            if (PatientQuantities.TryWeight(w, plainAllowed: false, out var kg, out var error)) { draft = draft with { WeightKg = kg }; } else { Error(error, "weight"); }
        }
        if (dto.Age is { } a)
        {
            if (PatientQuantities.TryAge(a, out var years, out var error)) { draft = draft with { AgeYears = years }; } else { Error(error, "age"); }
        }
        if (dto.Sex is { } s)
        {
            if (PatientQuantities.TrySex(s, out var sex, out var error)) { draft = draft with { Sex = sex }; } else { Error(error, "sex"); }
        }
        if (dto.Crcl is { } c)
        {
            if (PatientQuantities.TryCrcl(c, out var crcl, out var error)) { draft = draft with { CrclMlPerMin = crcl }; } else { Error(error, "crcl"); }
        }
        if (dto.Bsa is { } b)
        {
            if (PatientQuantities.TryBsa(b, "bsa", out var bsa, out var error)) { draft = draft with { Bsa = bsa }; } else { Error(error, "bsa"); }
        }
        if (dto.Start is { } st)
        {
            if (PatientQuantities.TryDate(st, out var date, out var error)) { draft = draft with { Start = date }; } else { Error($"start: {error}", "start"); }
        }
        if (dto.Time is { } t)
        {
            if (PatientQuantities.TryTime(t, out var time, out var error)) { draft = draft with { Time = time }; } else { Error($"time: {error}", "time"); }
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
                Error($"prior {drug}: '{value}' is not a dose such as 150 mg/m2 or 300 mg", "prior", drug);
            }
        }

        return draft with { Inputs = inputs.ToImmutable(), Prior = prior.ToImmutable() };
    }
}
