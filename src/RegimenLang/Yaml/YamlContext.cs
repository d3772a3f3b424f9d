using RegimenLang.Yaml.Dto;
using YamlDotNet.Serialization;

namespace RegimenLang.Yaml;

/// <summary>
/// The one static (reflection-free, AOT-safe) serializer context of the assembly: YamlDotNet's
/// generator implements one context per assembly (a second one compiles but throws at run time), so
/// every YAML input's DTOs are listed here, in this neutral folder, and their owners read through it.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(FormularyFileDto))]
[YamlSerializable(typeof(DrugDto))]
[YamlSerializable(typeof(ForbiddenRouteDto))]
[YamlSerializable(typeof(LimitDto))]
[YamlSerializable(typeof(UsualDoseDto))]
[YamlSerializable(typeof(DrugClassDto))]
[YamlSerializable(typeof(IntervalDto))]
[YamlSerializable(typeof(CompanionDto))]
[YamlSerializable(typeof(SeparationDto))]
[YamlSerializable(typeof(ClassEquivalentDto))]
[YamlSerializable(typeof(InteractionDto))]
[YamlSerializable(typeof(PatientFileDto))]
[YamlSerializable(typeof(TreatmentRecordDto))]
[YamlSerializable(typeof(CycleDelayDto))]
[YamlSerializable(typeof(DrugChangeDto))]
[YamlSerializable(typeof(GivenDoseDto))]
[YamlSerializable(typeof(RegimenConfigDto))]
public partial class YamlContext : StaticContext
{
    /// <summary>A strict deserializer: unknown keys are errors; keys are camelCase.</summary>
    public static IDeserializer Deserializer { get; } = new StaticDeserializerBuilder(new YamlContext())
        .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance)
        .Build();
}
