using System.Collections.Immutable;
using System.CommandLine;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary>
/// The patient flags of <c>expand</c> and <c>check</c>: one flag per built-in fact of <see cref="BuiltInFacts"/>,
/// plus the patient file, inputs, start, time and BSA options. Flags override the patient file. A flag value
/// that is not a possible quantity is a usage error (exit 2), reported with the flag's name.
/// </summary>
public sealed class PatientCliOptions
{
    private readonly List<(BuiltInFact Fact, Option<string?> Option)> _facts;

    public PatientCliOptions()
    {
        _facts = [.. BuiltInFacts.All.Select(f => (f, new Option<string?>(f.FlagName) { Description = f.FlagHelp }))];
        BsaFormula.AcceptOnlyFromAmong("mosteller", "dubois");
    }

    public Option<string?> Patient { get; } = new("--patient") { Description = "A patient YAML file (id, label, height, weight, age, sex, crcl, bsa, start, time, inputs, prior, levels, given)." };
    public Option<string[]> Set { get; } = new("--set") { Description = "A declared input, name=value (cd20=35%, ph=true); repeatable.", Arity = ArgumentArity.ZeroOrMore };
    public Option<string[]> Level { get; } = new("--level") { Description = "A drug's dose level, drug=level (irinotecan=-1), one of the regimen's levels lines; repeatable.", Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> Start { get; } = new("--start") { Description = "The date of day 1 of the first cycle, yyyy-mm-dd (default: the patient file's start, else today)." };
    public Option<string?> Time { get; } = new("--time") { Description = "First-dose clock time HH:MM (default 08:00)." };
    public Option<string> BsaFormula { get; } = new("--bsa-formula") { Description = "mosteller (default) or dubois.", DefaultValueFactory = _ => "mosteller" };
    public Option<string?> BsaCap { get; } = new("--bsa-cap") { Description = "Cap the BSA at this many m2 (a protocol option, never a default)." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "The date up to which the treatment is given (the patient file's given: records), yyyy-mm-dd: entries are marked given or planned." };
    public IEnumerable<Option> All => [Patient, .. _facts.Select(f => f.Option), Set, Level, Start, Time, AsOf, BsaFormula, BsaCap];

    /// <summary>Where the patient comes from, or the first usage error.</summary>
    public (PatientSource? Source, string? Error) Read(ParseResult parse, DateOnly defaultStart)
    {
        var draft = new PatientDraft();
        string? error = null;
        void Fail(string message) => error ??= message;

        foreach (var (fact, option) in _facts)
        {
            if (parse.GetValue(option) is { } text)
            {
                var reading = fact.Parse(text, true);
                if (reading.Value is { } value)
                {
                    draft = draft.With(fact, value);
                }
                else
                {
                    Fail(reading.Problem!.Message(fact.FlagName));
                }
            }
        }
        if (parse.GetValue(Start) is { } start)
        {
            var (date, problem) = CalendarValues.Date("--start", start);
            if (problem is null) { draft = draft with { Start = date }; } else { Fail(problem.Message()); }
        }
        if (parse.GetValue(AsOf) is { } asOf)
        {
            var (date, problem) = CalendarValues.Date("--as-of", asOf);
            if (problem is null) { draft = draft with { AsOf = date }; } else { Fail(problem.Message()); }
        }
        if (parse.GetValue(Time) is { } time)
        {
            var (clock, problem) = CalendarValues.Time("--time", time);
            if (problem is null) { draft = draft with { Time = clock }; } else { Fail(problem.Message()); }
        }
        var inputs = ImmutableDictionary.CreateBuilder<string, RawInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in parse.GetValue(Set) ?? [])
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Fail($"--set: '{item}' is not name=value, e.g. cd20=35%");
                continue;
            }
            string name = item[..eq].Trim();
            inputs[name] = new RawInput(name, item[(eq + 1)..], ValueOrigin.Flag($"--set {name}"));
        }
        draft = draft with { Inputs = inputs.ToImmutable() };
        var levels = ImmutableDictionary.CreateBuilder<string, RawLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in parse.GetValue(Level) ?? [])
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Fail($"--level: '{item}' is not drug=level, e.g. irinotecan=-1");
                continue;
            }
            string drug = item[..eq].Trim();
            levels[drug] = new RawLevel(drug, item[(eq + 1)..], ValueOrigin.Flag($"--level {drug}"));
        }
        draft = draft with { Levels = levels.ToImmutable() };

        decimal? cap = null;
        if (parse.GetValue(BsaCap) is { } capText)
        {
            var reading = BuiltInFacts.ParseBsa(capText, "bsa-cap");
            if (reading.Value?.Number is { } v) { cap = v; } else { Fail(reading.Problem!.Message("--bsa-cap")); }
        }
        var formula = string.Equals(parse.GetValue(BsaFormula), "dubois", StringComparison.Ordinal) ? Semantics.Patients.BsaFormula.DuBois : Semantics.Patients.BsaFormula.Mosteller;
        return error is null
            ? (new PatientSource(parse.GetValue(Patient), draft, new PatientOptions(formula, cap, defaultStart)), null)
            : (null, error);
    }

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>Adds every patient option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the patient options and runs <paramref name="run"/> with them; wrong options are a usage error.</summary>
    public int Run(ParseResult parse, CommandContext context, Func<PatientSource, int> run)
    {
        var (source, error) = Read(parse, Today());
        if (error is not null)
        {
            context.UsageError(error);
            return ExitCodes.Usage;
        }
        return run(source!);
    }

    /// <summary>Whether any patient option was given (so <c>check</c> checks absolute doses too).</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetValue(Patient) is not null || _facts.Any(f => parse.GetValue(f.Option) is not null) || (parse.GetValue(Set)?.Length ?? 0) > 0
        || (parse.GetValue(Level)?.Length ?? 0) > 0 || parse.GetValue(AsOf) is not null;
}
