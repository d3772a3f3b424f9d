using RegimenLang.Diagnostics;

namespace RegimenLang.Syntax.Formatting;

/// <summary>How formatting a file went.</summary>
public enum FormatStatus
{
    /// <summary>Formatted; <see cref="FormatResult.Text"/> holds the canonical text (maybe equal to the input).</summary>
    Formatted,

    /// <summary>The file has syntax errors (listed in <see cref="FormatResult.Diagnostics"/>): nothing to write.</summary>
    SyntaxErrors,

    /// <summary>A line would be longer than the parser reads once indented (listed in <see cref="FormatResult.Diagnostics"/>): nothing to write.</summary>
    LineTooLong,

    /// <summary>The formatted text would not parse to the same tree: a formatter bug; nothing to write.</summary>
    InternalError,
}

/// <summary>The outcome of <see cref="RegimenFormatter.Format(RegimenLang.Text.SourceText)"/>.</summary>
/// <param name="HasCrlf">The input uses CRLF line endings (the canonical form uses LF): say so when the file would change.</param>
public sealed record FormatResult(FormatStatus Status, string? Text, IReadOnlyList<Diagnostic> Diagnostics, string? InternalError, bool HasCrlf = false)
{
    public bool Succeeded => Status == FormatStatus.Formatted;
}
