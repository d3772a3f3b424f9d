namespace RegimenLang.Yaml.Dto;

// Mutable for YamlDotNet's static (AOT) generator; mapped to RegimenConfig by ConfigLoader.
public sealed class RegimenConfigDto
{
    public Dictionary<string, string>? Rules { get; set; }
    public List<string>? Formulary { get; set; }

    public string? Patient { get; set; }
}
