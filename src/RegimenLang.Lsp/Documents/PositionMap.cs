using RegimenLang.Lsp.Protocol;
using RegimenLang.Text;

namespace RegimenLang.Lsp.Documents;

/// <summary>
/// Between the tree's offsets and spans (1-based line and column) and LSP positions (0-based). Both count
/// UTF-16 code units, so no re-encoding is needed; a position past the end of its line is taken as the end of it.
/// </summary>
public static class PositionMap
{
    public static Position ToPosition(SourceText text, int offset)
    {
        var (line, column) = text.Position(offset);
        return new Position(line - 1, column - 1);
    }

    public static Protocol.Range ToRange(SourceText text, SourceSpan span) =>
        new(ToPosition(text, span.Start), ToPosition(text, span.End));

    /// <summary>A span of another file (a formulary, a configuration), placed by its line and column alone.</summary>
    public static Protocol.Range ToRange(SourceSpan span)
    {
        var start = new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1));
        return new(start, start with { Character = start.Character + span.Length });
    }

    public static int ToOffset(SourceText text, Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }
        if (position.Line >= text.LineCount)
        {
            return text.Text.Length;
        }
        int start = text.LineStart(position.Line + 1);
        int end = position.Line + 1 < text.LineCount ? text.LineStart(position.Line + 2) - 1 : text.Text.Length;
        if (end > start && text.Text[end - 1] == '\r')
        {
            end--;
        }
        return Math.Min(start + Math.Max(0, position.Character), end);
    }
}
