using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace RegimenLang.Yaml;

/// <summary>Words a YamlDotNet exception the way a protocol author reads it, keeping its position.</summary>
public static partial class YamlErrors
{
    public static (int Line, int Column, string Message) Describe(YamlException exception, string what, IEnumerable<string> knownKeys)
    {
        string message = exception.InnerException?.Message ?? exception.Message;
        var unknown = UnknownProperty().Match(message);
        if (unknown.Success)
        {
            message = $"'{unknown.Groups[1].Value}' is not a key of {what}; the keys are {string.Join(", ", knownKeys)}";
        }
        else
        {
            message = $"this is not valid YAML for {what}: {StripPosition(message)}";
        }
        return ((int)exception.Start.Line, (int)exception.Start.Column, message);
    }

    private static string StripPosition(string message) => PositionPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"Property '([^']*)' not found")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
