using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>What went wrong reading a YAML file (formulary, patient file, regimen.yaml), before its values are checked.</summary>
public enum YamlProblemKind
{
    /// <summary>A key the file's schema does not have.</summary>
    UnknownKey,

    /// <summary>Text that is not YAML, or not of the expected shape.</summary>
    Invalid,

    /// <summary>A list or mapping where a single value belongs.</summary>
    ExpectedScalar,

    /// <summary>An empty value where an item belongs (<c>drugs:</c> then a bare <c>-</c>).</summary>
    EmptyItem,

    /// <summary>Aliases that would expand the document beyond what any real file needs.</summary>
    TooLarge,
}

/// <summary>A YAML problem with what the message needs.</summary>
/// <param name="What">The kind of file, in words: "a formulary", "a patient file", "a regimen.yaml".</param>
public sealed record YamlProblem(YamlProblemKind Kind, string What, string? Key = null, IReadOnlyList<string>? Keys = null, string? Detail = null);

public static partial class DiagnosticCatalog
{
    /// <summary>
    /// The first five message forms of every descriptor that reports on a YAML input file, in the order of
    /// <see cref="YamlProblemKind"/>; each such descriptor adds its own forms after them.
    /// </summary>
    internal static string[] YamlForms =>
    [
        "'{key}' is not a key of {what}; the keys are {keys}",
        "this is not valid YAML for {what}: {detail}",
        "expected a single value here (such as {example}), not a list or a mapping",
        "item {item} of '{key}' is empty",
        "the YAML of {what} expands to more than {limit} values through its aliases: write the values out",
    ];
}

public static partial class Diagnose
{
    /// <summary>A YAML problem reported under <paramref name="descriptor"/> (RL1020, RL5007 or RL6002).</summary>
    public static Diagnostic Yaml(DiagnosticDescriptor descriptor, SourceSpan at, YamlProblem problem) => problem.Kind switch
    {
        YamlProblemKind.UnknownKey => descriptor.Create(at, 0, ("key", problem.Key), ("what", problem.What), ("keys", string.Join(", ", problem.Keys ?? []))),
        YamlProblemKind.Invalid => descriptor.Create(at, 1, ("what", problem.What), ("detail", problem.Detail)),
        YamlProblemKind.ExpectedScalar => descriptor.Create(at, 2, ("example", problem.Detail)),
        YamlProblemKind.EmptyItem => descriptor.Create(at, 3, ("item", problem.Detail), ("key", problem.Key)),
        YamlProblemKind.TooLarge => descriptor.Create(at, 4, ("what", problem.What), ("limit", problem.Detail)),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}
