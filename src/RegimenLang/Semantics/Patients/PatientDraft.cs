using System.Collections.Immutable;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Semantics.Patients;

/// <summary>Where a patient value was written: a patient file position, or a command-line flag (<see cref="FlagName"/>).</summary>
public sealed record ValueOrigin(string File, int Line, int Column, string? FlagName = null)
{
    public const string CommandLine = "<command line>";

    public static ValueOrigin Flag(string flag) => new(CommandLine, 1, 1, flag);

    public SourceSpan Span => new(0, 0, Line, Column);
}

/// <summary>A raw input value (<c>cd20: 35%</c>, <c>--set ph=true</c>), typed later by the regimen's <c>input</c> declarations.</summary>
public sealed record RawInput(string Name, string Text, ValueOrigin Origin);

/// <summary>A patient's dose level of a drug as written (<c>irinotecan: -1</c>, <c>--level irinotecan=-1</c>), checked against the regimen later.</summary>
public sealed record RawLevel(string Drug, string Text, ValueOrigin Origin);

/// <summary>When an event happened (<c>events: {cmr: 2026-03-02}</c>), checked later against the events the regimen's lines name.</summary>
public sealed record RawEvent(string Name, DateOnly Date, ValueOrigin Origin);

/// <summary>A prior exposure with where it was written.</summary>
public sealed record RawPrior(string Drug, AmountDose Dose, ValueOrigin Origin);

/// <summary>
/// Patient values as read from a patient file or from flags, already unit-checked, before they are
/// combined (flags override the file) and checked against a regimen. The built-in facts (age, weight,
/// height, bsa, sex, crcl) are kept by name, as <see cref="BuiltInFacts"/> reads them; a missing name
/// means "not given here".
/// </summary>
public sealed record PatientDraft
{
    public ImmutableDictionary<string, FactValue> Facts { get; init; } = ImmutableDictionary.Create<string, FactValue>(StringComparer.Ordinal);
    /// <summary>The patient file's <c>id</c>: identifies the patient (hashed into calendar UIDs), never a fact a condition reads.</summary>
    public string? Id { get; init; }

    /// <summary>The patient file's <c>label</c>: how calendars name the patient.</summary>
    public string? Label { get; init; }

    public DateOnly? Start { get; init; }
    public TimeOnly? Time { get; init; }
    public ImmutableDictionary<string, RawInput> Inputs { get; init; } = ImmutableDictionary.Create<string, RawInput>(StringComparer.OrdinalIgnoreCase);
    public ImmutableArray<RawPrior> Prior { get; init; } = [];
    public ImmutableDictionary<string, RawLevel> Levels { get; init; } = ImmutableDictionary.Create<string, RawLevel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The treatment as given (<c>given:</c>), drug names as written; checked against the regimen later.</summary>
    public TreatmentRecord? Given { get; init; }

    /// <summary>When the events that change a line's dose happened (<c>events:</c>), by name as written.</summary>
    public ImmutableDictionary<string, RawEvent> Events { get; init; } = ImmutableDictionary.Create<string, RawEvent>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date dividing given from planned (<c>--as-of</c>), overriding the file's <c>asOf</c>.</summary>
    public DateOnly? AsOf { get; init; }

    public static readonly PatientDraft Empty = new();

    public FactValue? Fact(BuiltInFact fact) => Facts.TryGetValue(fact.Name, out var value) ? value : null;

    public PatientDraft With(BuiltInFact fact, FactValue value) => this with { Facts = Facts.SetItem(fact.Name, value) };

    /// <summary>This draft with every value <paramref name="overrides"/> gives replacing this one's (flags override the file).</summary>
    public PatientDraft OverriddenBy(PatientDraft overrides) => new()
    {
        Id = overrides.Id ?? Id,
        Label = overrides.Label ?? Label,
        Facts = Facts.SetItems(overrides.Facts),
        Start = overrides.Start ?? Start,
        Time = overrides.Time ?? Time,
        Inputs = Inputs.SetItems(overrides.Inputs),
        Prior = overrides.Prior.IsEmpty ? Prior : overrides.Prior,
        Levels = Levels.SetItems(overrides.Levels),
        Given = overrides.Given ?? Given,
        AsOf = overrides.AsOf ?? AsOf,
        Events = Events.SetItems(overrides.Events),
    };
}
