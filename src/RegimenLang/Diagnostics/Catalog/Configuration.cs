using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL5007: the project's configuration -------------------------------------------------

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "RL5007", "Invalid configuration", DiagnosticFamily.Configuration, Severity.Error,
        [
            .. YamlForms,
            "'{code}' is not a diagnostic code ('regimen explain' lists them)",
            "the severity of {code} is off, info, warning or error, not '{value}'",
            "{code} cannot be lowered: it is always an error",
            "'{written}' is not a file path (formulary and patient files are paths relative to regimen.yaml)",
            "the formulary file '{written}' does not exist (paths are relative to regimen.yaml)",
            "cannot read {file}: {reason}",
            "the patient file '{written}' does not exist (paths are relative to regimen.yaml)",
        ],
        "regimen.yaml (found by walking up from the checked file, never above the repository or the folder checked) sets rule severities " +
        "(`rules: { RL5001: off }`, with off, info, warning or error), default formulary files (`formulary: [local.yaml]`, relative to the " +
        "configuration file) and the reference patient the editor computes doses for (`patient: patients/reference.patient.yaml`, relative " +
        "to the configuration file, used for a regimen without its own X.patient.yaml). Unknown keys, codes and severities are errors, and a file with errors is not used: checking against a half-read " +
        "configuration would be unsafe.",
        "rules:\n  RL5001: silent",
        "rules:\n  RL5001: off");

    private static IEnumerable<DiagnosticDescriptor> ConfigurationFamily() => [InvalidConfiguration];
}

public static partial class Diagnose
{
    private static int Own(int form) => DiagnosticCatalog.YamlForms.Length + form;

    public static Diagnostic UnknownCode(SourceSpan at, string code) => DiagnosticCatalog.InvalidConfiguration.Create(at, Own(0), ("code", code));

    public static Diagnostic UnknownSeverity(SourceSpan at, string code, string? value) =>
        DiagnosticCatalog.InvalidConfiguration.Create(at, Own(1), ("code", code), ("value", value));

    public static Diagnostic LockedCode(SourceSpan at, string code) => DiagnosticCatalog.InvalidConfiguration.Create(at, Own(2), ("code", code));

    public static Diagnostic NotAPath(SourceSpan at, string? written) => DiagnosticCatalog.InvalidConfiguration.Create(at, Own(3), ("written", written));

    public static Diagnostic MissingFormularyFile(SourceSpan at, string written) =>
        DiagnosticCatalog.InvalidConfiguration.Create(at, Own(4), ("written", written));

    public static Diagnostic UnreadableSetupFile(SourceSpan at, string file, string reason) =>
        DiagnosticCatalog.InvalidConfiguration.Create(at, Own(5), ("file", file), ("reason", reason));

    public static Diagnostic MissingPatientFile(SourceSpan at, string written) =>
        DiagnosticCatalog.InvalidConfiguration.Create(at, Own(6), ("written", written));
}
