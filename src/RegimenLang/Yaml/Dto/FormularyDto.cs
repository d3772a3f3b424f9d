using YamlDotNet.Serialization;

namespace RegimenLang.Yaml.Dto;

// Mutable classes because YamlDotNet's static (AOT) generator needs settable properties and a
// parameterless constructor. They live only between the YAML text and FormularyLoader, which maps
// them to the immutable records of Semantics/Formulary and turns every problem into a diagnostic.

public sealed class FormularyFileDto
{
    public List<DrugClassDto>? Classes { get; set; }
    public List<DrugDto>? Drugs { get; set; }
}

public sealed class DrugClassDto
{
    public string? Name { get; set; }
    public string? Reference { get; set; }
    public string? Members { get; set; }
    public List<LimitDto>? Limits { get; set; }
}

public sealed class DrugDto
{
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Class { get; set; }
    public List<string>? Routes { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
    public List<ForbiddenRouteDto>? ForbiddenRoutes { get; set; }
    public List<LimitDto>? Limits { get; set; }
    public List<UsualDoseDto>? Usual { get; set; }
    public string? MinIntervalDays { get; set; }
    public string? MinIntervalSource { get; set; }
    public string? TreatmentFreeDays { get; set; }
    public string? TreatmentFreeSource { get; set; }
    public List<IntervalDto>? Intervals { get; set; }
    public List<CompanionDto>? Companions { get; set; }
    public List<ClassEquivalentDto>? ClassEquivalents { get; set; }
    public List<InteractionDto>? Interactions { get; set; }
    public string? MaxCycles { get; set; }
    public string? MaxCyclesSource { get; set; }
    public string? Cytotoxic { get; set; }
    public List<SeparationDto>? Separations { get; set; }
}

public sealed class SeparationDto
{
    public string? From { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class IntervalDto
{
    public string? MinDays { get; set; }
    public string? Route { get; set; }
    public string? MinDose { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class CompanionDto
{
    public List<string>? AnyOf { get; set; }
    public string? Timing { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Route { get; set; }
    public string? MinDose { get; set; }
    public string? CompanionDose { get; set; }
    public string? Optional { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class ClassEquivalentDto
{
    public string? Class { get; set; }
    public string? Factor { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class InteractionDto
{
    public List<string>? AnyOf { get; set; }
    public string? Effect { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
}

public sealed class ForbiddenRouteDto
{
    public string? Route { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class LimitDto
{
    public string? Per { get; set; }
    public string? Max { get; set; }
    public string? Route { get; set; }
    public string? When { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}

public sealed class UsualDoseDto
{
    public string? Dose { get; set; }
    public string? Route { get; set; }
    public string? Low { get; set; }
    public string? High { get; set; }
    public string? Context { get; set; }
    public string? Source { get; set; }
    public string? Unconfirmed { get; set; }
}
