using System.Text.RegularExpressions;

namespace RegimenLang.Syntax;

/// <summary>
/// The comment <c># regimen-disable-next-line RL3007[, RL5001] -- reason</c>, read from its text. It is syntax
/// (the formatter keeps it on a line of its own, where it acts); what it silences is the checker's business.
/// </summary>
public sealed partial record SuppressionDirective(IReadOnlyList<string> Codes, string Reason)
{
    /// <summary>The directive a comment holds, or null when it holds none.</summary>
    public static SuppressionDirective? Read(string commentText)
    {
        var match = Pattern().Match(commentText);
        return match.Success
            ? new SuppressionDirective(
                match.Groups["codes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                match.Groups["reason"].Value.Trim())
            : null;
    }

    [GeneratedRegex(@"^#\s*regimen-disable-next-line\s+(?<codes>RL\d{4}(\s*,\s*RL\d{4})*)\s*(--(?<reason>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
