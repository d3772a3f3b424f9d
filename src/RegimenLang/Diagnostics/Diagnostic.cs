using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>A place the finding refers to besides its own, such as the violated <c>limit</c> line.</summary>
public sealed record RelatedLocation(string File, SourceSpan Span, string Message);

/// <summary>One finding: a catalogue entry, where it is, and the message with its arguments filled in.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string File,
    SourceSpan Span,
    string Message,
    Severity Severity)
{
    public string Code => Descriptor.Code;

    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    public override string ToString() =>
        $"{File}:{Span.Line}:{Span.Column}: {Severity.ToName()} {Code}: {Message}";
}
