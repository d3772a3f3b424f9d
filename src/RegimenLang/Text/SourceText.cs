namespace RegimenLang.Text;

/// <summary>The text of one regimen file with a table of line starts for offset-to-position lookups.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    public string Path { get; }
    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>The 1-based line and column of an offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public SourceSpan Span(int start, int length)
    {
        var (line, column) = Position(start);
        return new SourceSpan(start, length, line, column);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}
