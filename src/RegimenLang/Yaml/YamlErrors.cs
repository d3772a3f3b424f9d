using System.Text.RegularExpressions;
using RegimenLang.Diagnostics;
using YamlDotNet.Core;

namespace RegimenLang.Yaml;

/// <summary>Words a YamlDotNet exception the way a protocol author reads it, keeping its position; .NET type names never reach the user.</summary>
public static partial class YamlErrors
{
    /// <param name="what">The kind of file: "a formulary", "a patient file", "a regimen.yaml".</param>
    /// <param name="knownKeys">The keys of the mapping the error is in (for an unknown key).</param>
    /// <param name="scalarExample">An example of a single value, for a list or mapping where one belongs.</param>
    public static (int Line, int Column, YamlProblem Problem) Describe(YamlException exception, string what, IReadOnlyList<string> knownKeys, string scalarExample)
    {
        string message = exception.InnerException?.Message ?? exception.Message;
        var unknown = UnknownProperty().Match(message);
        YamlProblem problem;
        if (unknown.Success)
        {
            problem = new YamlProblem(YamlProblemKind.UnknownKey, what, unknown.Groups[1].Value, knownKeys);
        }
        else if (message.Contains("No node deserializer", StringComparison.Ordinal)
            || message.Contains("is not registered in the YamlDotNet static context", StringComparison.Ordinal)
            || message.Contains("Expected 'Scalar'", StringComparison.Ordinal))
        {
            problem = new YamlProblem(YamlProblemKind.ExpectedScalar, what, Detail: scalarExample);
        }
        else if (message.Contains("Unable to cast", StringComparison.Ordinal) || message.Contains("Expected 'MappingStart'", StringComparison.Ordinal))
        {
            problem = new YamlProblem(YamlProblemKind.Invalid, what, Detail: "expected a mapping of keys and values here");
        }
        else
        {
            problem = new YamlProblem(YamlProblemKind.Invalid, what, Detail: Readable(StripPosition(message)));
        }
        return ((int)exception.Start.Line, (int)exception.Start.Column, problem);
    }

    private static string StripPosition(string message) => PositionPrefix().Replace(message, "").Trim();

    /// <summary>Drops the .NET type names YamlDotNet puts in some messages.</summary>
    private static string Readable(string message) => TypeName().Replace(message, "a value").Trim();

    [GeneratedRegex(@"Property '([^']*)' not found")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"(type )?'?(System|RegimenLang|YamlDotNet)\.[A-Za-z0-9_.`\[\], ]+'?")]
    private static partial Regex TypeName();
}
