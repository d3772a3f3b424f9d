using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Output;

namespace RegimenLang.Workspace;

/// <summary>
/// <c>regimen textconv FILE</c>: the text git compares for a regimen file when <c>.gitattributes</c> says
/// <c>diff=regimen</c>, so that <c>git diff</c> shows the change of the timeline. It is the table of <c>expand</c>
/// (findings first when the checks find errors) without the file name (git passes the old version as a temporary file
/// whose name differs), or, when the file cannot be expanded, its findings without the file name. It never fails on
/// the content of the file: a diff must show a broken version, not stop.
/// </summary>
public static class TextconvRun
{
    /// <returns>The text, or null with <paramref name="unreadable"/> when the file (or the patient file) cannot be read.</returns>
    public static string? Run(RegimenWorkspace workspace, string path, PatientSource patient, out string? unreadable)
    {
        var result = Expansion.Run(workspace, path, patient, allowErrors: true);
        unreadable = result.Unreadable is { } u ? $"cannot read {u.Path}: {u.Reason}" : null;
        if (unreadable is not null)
        {
            return null;
        }
        if (result.Timeline is { } timeline)
        {
            var table = new StringBuilder();
            foreach (string line in TimelineTableWriter.Write(timeline).Split('\n'))
            {
                if (!line.StartsWith("file: ", StringComparison.Ordinal))
                {
                    table.Append(line).Append('\n');
                }
            }
            return table.ToString(0, table.Length - 1);
        }
        var text = new StringBuilder("not expanded for this patient:\n");
        foreach (var d in result.Diagnostics)
        {
            text.Append(d.File == path ? "" : Path.GetFileName(d.File) + ":").Append(d.Span.Line).Append(':').Append(d.Span.Column).Append(": ")
                .Append(d.Severity.ToName()).Append(' ').Append(d.Code).Append(": ").Append(d.Message).Append('\n');
        }
        return text.ToString();
    }
}
