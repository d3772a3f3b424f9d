using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>A place the finding refers to besides its own, such as the violated <c>limit</c> line.</summary>
public sealed record RelatedLocation(string File, SourceSpan Span, string Message);

/// <summary>One finding: a catalogue entry, where it is, the message with its holes filled, and any mechanical fixes.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string File,
    SourceSpan Span,
    string Message,
    Severity Severity)
{
    public string Code => Descriptor.Code;

    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    public ImmutableArray<CodeFix> Fixes { get; init; } = [];

    public Diagnostic WithRelated(params RelatedLocation[] related) => this with { Related = related };

    public Diagnostic WithFix(CodeFix fix) => this with { Fixes = Fixes.Add(fix) };

    public override string ToString() =>
        $"{File}:{Span.Line}:{Span.Column}: {Severity.ToName()} {Code}: {Message}";
}
