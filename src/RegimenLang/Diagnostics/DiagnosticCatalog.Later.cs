namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    private static partial IEnumerable<DiagnosticDescriptor> Later() => [];
}
