using YamlDotNet.Serialization;

namespace RegimenLang.Evaluation.Yaml
{
    // Mutable class because YamlDotNet's static (AOT) generator needs settable properties and a
    // parameterless constructor. Every value is read as text and parsed by PatientFileLoader with the
    // regimen unit parser, so "170 cm" means the same in a patient file as in a regimen.
    public sealed class PatientFileDto
    {
        public string? Height { get; set; }
        public string? Weight { get; set; }
        public string? Age { get; set; }
        public string? Sex { get; set; }
        public string? Crcl { get; set; }
        public string? Bsa { get; set; }
        public string? Start { get; set; }
        public string? Time { get; set; }
        public Dictionary<string, string>? Inputs { get; set; }
        public Dictionary<string, string>? Prior { get; set; }
    }
}

// Registers the patient DTO with YamlDotNet's static (AOT) generator. The generator implements one
// context per assembly (tried here: a second [YamlStaticContext] class compiles but throws
// NotImplementedException at run time), so this part of the partial context class adds the patient
// types to the assembly's single generated context, which PatientFileLoader uses.
namespace RegimenLang.Semantics.Formulary
{
    [YamlSerializable(typeof(RegimenLang.Evaluation.Yaml.PatientFileDto))]
    public partial class FormularyYamlContext
    {
    }
}
