using System.Collections.Immutable;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Facts;

/// <summary>
/// A patient fact a condition may use: a built-in one (a row of <see cref="BuiltInFacts"/>) or a declared
/// <c>input</c>. It knows how to read itself from a patient and how to set itself on one.
/// </summary>
public sealed record FactDefinition(
    string Name,
    FactKind Kind,
    string? Unit,
    ImmutableArray<string> AcceptedUnits,
    ImmutableArray<string> Words,
    string Flag,
    string Example,
    BuiltInFact? BuiltIn,
    InputStatement? Input)
{
    public bool IsBuiltIn => BuiltIn is not null;

    public static FactDefinition From(BuiltInFact fact) =>
        new(fact.Name, fact.Kind, fact.Unit, fact.AcceptedUnits, fact.Words, fact.FlagHint, fact.ConditionExample, fact, null);

    public static FactDefinition From(InputStatement input)
    {
        string name = input.Name.Text;
        return input.Type.Kind switch
        {
            InputKind.Flag => new(name, FactKind.Flag, null, [], [], $"--set {name}=true|false", name, null, input),
            InputKind.Percent => new(name, FactKind.Percent, "%", ["%"], [], $"--set {name}=<n>%", $"{name} >= 20%", null, input),
            InputKind.Number => new(name, FactKind.Number, input.Type.Unit, input.Type.Unit is null ? [""] : [input.Type.Unit],
                [], $"--set {name}=<n>{(input.Type.Unit is null ? "" : " " + input.Type.Unit)}",
                input.Type.Unit is null ? $"{name} >= 60" : $"{name} < 45 {input.Type.Unit}", null, input),
            InputKind.Choice => new(name, FactKind.Word, null, [], [.. input.Type.Choices.Select(c => c.Text)],
                $"--set {name}={string.Join("|", input.Type.Choices.Select(c => c.Text))}", $"{name} = {input.Type.Choices[0].Text}", null, input),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
    }

    /// <summary>The patient's value of this fact, or null when it was not given.</summary>
    public FactValue? Read(Patient patient) =>
        BuiltIn is { } builtIn ? builtIn.Read(patient)
        : patient.Inputs.TryGetValue(Name, out var input) ? input.Value
        : null;

    /// <summary>The patient with this fact set to <paramref name="value"/> (the checker's scenarios).</summary>
    public Patient With(Patient patient, FactValue value) =>
        BuiltIn is { } builtIn ? builtIn.With(patient, value)
        : patient with { Inputs = patient.Inputs.SetItem(Name, new PatientInput(Name, value, value.ToString() + (Kind == FactKind.Percent ? "%" : ""))) };
}
