using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Formulary.BuiltIn;

/// <summary>The built-in formulary as the build compiled it from formulary.yaml (see the project file).</summary>
public static class CompiledFormulary
{
    private static readonly Lazy<DrugFormulary> s_instance = new(CompiledFormularyData.Create);

    /// <summary>The compiled formulary, constructed on first use: no YAML is read.</summary>
    public static DrugFormulary Instance => s_instance.Value;

    /// <summary>Makes <see cref="FormularyLoader.BuiltIn"/> this formulary for the rest of the process.</summary>
    public static void Install() => FormularyLoader.UseCompiledBuiltIn(() => Instance);
}
