namespace RegimenLang.Text;

/// <summary>
/// A place in a source file. The offset and length are in UTF-16 code units; line and column are
/// 1-based and count every character (a tab is one column), so editors and CI annotations agree.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public static readonly SourceSpan None = new(0, 0, 0, 0);

    /// <summary>The span that starts where this one starts and ends where <paramref name="other"/> ends.</summary>
    public SourceSpan Through(SourceSpan other) =>
        other.End <= Start ? this : new SourceSpan(Start, other.End - Start, Line, Column);

    public override string ToString() => $"{Line}:{Column}";
}
