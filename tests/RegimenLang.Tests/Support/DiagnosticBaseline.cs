using System.Text;
using RegimenLang.Diagnostics;

namespace RegimenLang.Tests.Support;

/// <summary>
/// The diagnostics golden format: the source, and under each line the findings on it, with a caret
/// run under the columns they cover and the finding after "!!", so a review diff stands next to
/// the line that caused it.
/// Findings without a line (0) are listed first.
/// </summary>
public static class DiagnosticBaseline
{
    public static string Render(string source, IEnumerable<Diagnostic> diagnostics)
    {
        var byLine = diagnostics.ToLookup(d => d.Span.Line);
        var output = new StringBuilder();
        foreach (var d in byLine[0])
        {
            output.Append("!! ").Append(Describe(d)).Append('\n');
        }
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int count = source.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++)
        {
            string line = lines[i];
            output.Append(line.Length > 200 ? line[..200] + $"... ({line.Length} characters)" : line).Append('\n');
            foreach (var d in byLine[i + 1])
            {
                int column = Math.Max(1, d.Span.Column);
                int width = Math.Clamp(d.Span.Length, 1, Math.Max(1, Math.Min(200, line.Length - column + 1)));
                output.Append(' ', Math.Min(column - 1, 200)).Append('^', width).Append(" !! ").Append(Describe(d)).Append('\n');
            }
        }
        // Findings past the last line (end of file).
        foreach (var group in byLine.Where(g => g.Key > count))
        {
            foreach (var d in group)
            {
                output.Append("!! (end of file) ").Append(Describe(d)).Append('\n');
            }
        }
        return output.ToString();
    }

    private static string Describe(Diagnostic d) => $"{d.Span.Line}:{d.Span.Column} {d.Severity.ToName()} {d.Code}: {d.Message}";
}
