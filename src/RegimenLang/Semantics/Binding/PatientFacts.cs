using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Semantics.Binding;

public enum FactKind
{
    Flag,
    Percent,
    Number,
    Sex,
}

/// <summary>A patient fact a condition may use: a built-in one or a declared <c>input</c>.</summary>
/// <param name="Unit">The unit a comparison must use (null: a plain number).</param>
/// <param name="AcceptedUnits">Spellings accepted for <paramref name="Unit"/>; a plain number is accepted only when listed as "".</param>
public sealed record FactDefinition(string Name, FactKind Kind, string? Unit, IReadOnlyList<string> AcceptedUnits, string Flag, InputStatement? Input)
{
    public bool IsBuiltIn => Input is null;
}

/// <summary>The built-in facts of LANGUAGE.md §4 and the command-line flag that supplies each.</summary>
public static class PatientFacts
{
    public static readonly IReadOnlyList<FactDefinition> BuiltIn =
    [
        new("age", FactKind.Number, "years", ["", "years", "year", "y"], "--age", null),
        new("weight", FactKind.Number, "kg", ["kg"], "--weight", null),
        new("height", FactKind.Number, "cm", ["cm"], "--height", null),
        new("bsa", FactKind.Number, "m2", ["", "m2"], "--bsa (or --height and --weight)", null),
        new("sex", FactKind.Sex, null, [], "--sex", null),
        new("crcl", FactKind.Number, "mL/min", ["", "mL/min"], "--crcl", null),
    ];

    public static FactDefinition? FindBuiltIn(string name) =>
        BuiltIn.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static FactDefinition FromInput(InputStatement input) => input.Type.Kind switch
    {
        InputKind.Flag => new(input.Name.Text, FactKind.Flag, null, [], $"--set {input.Name.Text}=true|false", input),
        InputKind.Percent => new(input.Name.Text, FactKind.Percent, "%", ["%"], $"--set {input.Name.Text}=<n>%", input),
        _ => new(input.Name.Text, FactKind.Number, input.Type.Unit,
            input.Type.Unit is null ? [""] : [input.Type.Unit], $"--set {input.Name.Text}=<n>{(input.Type.Unit is null ? "" : " " + input.Type.Unit)}", input),
    };
}
