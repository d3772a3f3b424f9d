namespace RegimenLang.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalogue: a stable code with its title, default severity, message
/// template (composite format, <c>{0}</c>...) and the documentation <c>regimen explain</c> prints.
/// <paramref name="Example"/> is a line or file that triggers the code; <paramref name="Fix"/> the corrected form.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    string Title,
    Severity DefaultSeverity,
    string MessageTemplate,
    string Documentation,
    string Example,
    string Fix)
{
    public string Family => Code[2] switch
    {
        '0' => "syntax",
        '1' => "names and structure",
        '2' => "schedule",
        '3' => "dose safety",
        '4' => "intervals",
        '5' => "error-prone notation",
        '6' => "evaluation",
        _ => "other",
    };

    public string FormatMessage(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageTemplate, args);
}
