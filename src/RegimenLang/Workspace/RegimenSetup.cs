using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Workspace;

/// <summary>
/// How a file is checked: the configuration that applies to it (the nearest <c>regimen.yaml</c>) and the
/// formulary it names (plus the command line's <c>--formulary</c> files). <see cref="Usable"/> is false when
/// either has errors: checking against a half-read configuration or formulary would be unsafe.
/// </summary>
public sealed record RegimenSetup(RegimenConfig Config, DrugFormulary Formulary, IReadOnlyList<Diagnostic> Problems)
{
    public bool Usable => !Problems.Any(d => d.Severity == Severity.Error);

    public static readonly RegimenSetup BuiltIn = new(RegimenConfig.Default, FormularyLoader.BuiltIn, FormularyLoader.BuiltInDiagnostics);
}
