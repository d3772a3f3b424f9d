using System.CommandLine;
using System.Collections.Immutable;
using RegimenLang.Evaluation;

namespace RegimenLang.Cli;

/// <summary>
/// The patient flags of <c>expand</c> (LANGUAGE.md §7). Flags override the patient file. A flag value
/// that is not a possible quantity is a usage error (exit 2), reported with the flag's name.
/// </summary>
public sealed class PatientCliOptions
{
    public Option<string?> Patient { get; } = new("--patient") { Description = "A patient YAML file (height, weight, age, sex, crcl, bsa, start, time, inputs, prior)." };
    public Option<string?> Bsa { get; } = new("--bsa") { Description = "Body surface area in m2 (instead of height and weight)." };
    public Option<string?> Height { get; } = new("--height") { Description = "Height in cm (e.g. 170 or '170 cm')." };
    public Option<string?> Weight { get; } = new("--weight") { Description = "Weight in kg (e.g. 72 or '72 kg')." };
    public Option<string?> Age { get; } = new("--age") { Description = "Age in years." };
    public Option<string?> Sex { get; } = new("--sex") { Description = "female or male." };
    public Option<string?> Crcl { get; } = new("--crcl") { Description = "Creatinine clearance in mL/min (AUC dosing)." };
    public Option<string[]> Set { get; } = new("--set") { Description = "A declared input, name=value (cd20=35%, ph=true); repeatable.", Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> Start { get; } = new("--start") { Description = "Start date, yyyy-mm-dd (default: the patient file's start, else today)." };
    public Option<string?> Time { get; } = new("--time") { Description = "First-dose clock time HH:MM (default 08:00)." };
    public Option<string> BsaFormula { get; } = new("--bsa-formula") { Description = "mosteller (default) or dubois.", DefaultValueFactory = _ => "mosteller" };
    public Option<string?> BsaCap { get; } = new("--bsa-cap") { Description = "Cap the BSA at this many m2 (a protocol option, never a default)." };

    public PatientCliOptions() => BsaFormula.AcceptOnlyFromAmong("mosteller", "dubois");

    public IEnumerable<Option> All => [Patient, Bsa, Height, Weight, Age, Sex, Crcl, Set, Start, Time, BsaFormula, BsaCap];

    /// <summary>The flag values as a draft and the options, or the first usage error.</summary>
    public (PatientDraft? Draft, PatientOptions? Options, string? Error) Read(ParseResult parse, DateOnly defaultStart)
    {
        var draft = new PatientDraft();
        string? error = null;
        void Fail(string flag, string message) => error ??= $"{flag}: {message}";

        if (parse.GetValue(Height) is { } h)
        {
            if (PatientQuantities.TryHeight(h, plainAllowed: true, out var v, out var e)) { draft = draft with { HeightCm = v }; } else { Fail("--height", e); }
        }
        if (parse.GetValue(Weight) is { } w)
        {
            if (PatientQuantities.TryWeight(w, plainAllowed: true, out var v, out var e)) { draft = draft with { WeightKg = v }; } else { Fail("--weight", e); }
        }
        if (parse.GetValue(Age) is { } a)
        {
            if (PatientQuantities.TryAge(a, out var v, out var e)) { draft = draft with { AgeYears = v }; } else { Fail("--age", e); }
        }
        if (parse.GetValue(Sex) is { } s)
        {
            if (PatientQuantities.TrySex(s, out var v, out var e)) { draft = draft with { Sex = v }; } else { Fail("--sex", e); }
        }
        if (parse.GetValue(Crcl) is { } c)
        {
            if (PatientQuantities.TryCrcl(c, out var v, out var e)) { draft = draft with { CrclMlPerMin = v }; } else { Fail("--crcl", e); }
        }
        if (parse.GetValue(Bsa) is { } b)
        {
            if (PatientQuantities.TryBsa(b, "bsa", out var v, out var e)) { draft = draft with { Bsa = v }; } else { Fail("--bsa", e); }
        }
        if (parse.GetValue(Start) is { } st)
        {
            if (PatientQuantities.TryDate(st, out var v, out var e)) { draft = draft with { Start = v }; } else { Fail("--start", e); }
        }
        if (parse.GetValue(Time) is { } t)
        {
            if (PatientQuantities.TryTime(t, out var v, out var e)) { draft = draft with { Time = v }; } else { Fail("--time", e); }
        }
        var inputs = ImmutableDictionary.CreateBuilder<string, RawInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in parse.GetValue(Set) ?? [])
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Fail("--set", $"'{item}' is not name=value, e.g. cd20=35%");
                continue;
            }
            string name = item[..eq].Trim();
            inputs[name] = new RawInput(name, item[(eq + 1)..], ValueOrigin.Flag($"--set {name}"));
        }
        draft = draft with { Inputs = inputs.ToImmutable() };

        decimal? cap = null;
        if (parse.GetValue(BsaCap) is { } capText)
        {
            if (PatientQuantities.TryBsa(capText, "bsa-cap", out var v, out var e)) { cap = v; } else { Fail("--bsa-cap", e); }
        }
        var formula = string.Equals(parse.GetValue(BsaFormula), "dubois", StringComparison.Ordinal) ? Evaluation.BsaFormula.DuBois : Evaluation.BsaFormula.Mosteller;
        return error is null ? (draft, new PatientOptions(formula, cap, defaultStart), null) : (null, null, error);
    }

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>Whether any patient option was given (so <c>check</c> checks absolute doses too).</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetValue(Patient) is not null || parse.GetValue(Bsa) is not null || parse.GetValue(Height) is not null
        || parse.GetValue(Weight) is not null || parse.GetValue(Age) is not null || parse.GetValue(Sex) is not null
        || parse.GetValue(Crcl) is not null || (parse.GetValue(Set)?.Length ?? 0) > 0;

}
