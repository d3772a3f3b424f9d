using YamlDotNet.Serialization;

namespace RegimenLang.Semantics.Formulary;

// Mutable for YamlDotNet's static (AOT) generator; mapped to RegimenConfig by ConfigLoader.

public sealed class RegimenConfigDto
{
    public Dictionary<string, string>? Rules { get; set; }
    public List<string>? Formulary { get; set; }
}

// YamlDotNet's static generator implements one context per assembly (a second one compiles but throws
// at run time), so the configuration DTO joins the formulary's context.
[YamlSerializable(typeof(RegimenConfigDto))]
public partial class FormularyYamlContext
{
}
