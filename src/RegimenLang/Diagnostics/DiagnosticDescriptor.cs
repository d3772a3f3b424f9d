using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalogue: a stable code with its title, family, default severity, the
/// wording of its messages (<see cref="Messages"/>, templates with named holes, filled by the typed
/// builders of <see cref="Diagnose"/>) and the documentation <c>regimen explain</c> prints.
/// <paramref name="Example"/> triggers the code; <paramref name="Fix"/> is the corrected form.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    string Title,
    DiagnosticFamily Family,
    Severity DefaultSeverity,
    ImmutableArray<string> Messages,
    string Documentation,
    string Example,
    string Fix)
{
    public DiagnosticDescriptor(string code, string title, DiagnosticFamily family, Severity severity, string message,
        string documentation, string example, string fix)
        : this(code, title, family, severity, [message], documentation, example, fix)
    {
    }

    /// <summary>A finding of this code at <paramref name="span"/> with message form <paramref name="form"/>. The file is set when it is reported.</summary>
    public Diagnostic Create(SourceSpan span, int form, params ReadOnlySpan<(string Name, object? Value)> args) =>
        new(this, "", span, MessageTemplate.Fill(Messages[form], args), DefaultSeverity);

    /// <summary>A finding with the first (often only) message form.</summary>
    public Diagnostic Create(SourceSpan span, params ReadOnlySpan<(string Name, object? Value)> args) => Create(span, 0, args);
}
