namespace RegimenLang.Yaml.Dto;

// Mutable class because YamlDotNet's static (AOT) generator needs settable properties and a
// parameterless constructor. Every value is read as text and parsed by PatientFileLoader with the
// regimen unit parser, so "170 cm" means the same in a patient file as in a regimen.
public sealed class PatientFileDto
{
    /// <summary>An identifier of the patient (a study or record number): hashed into calendar event UIDs, never printed.</summary>
    public string? Id { get; set; }

    /// <summary>How the patient is named in a calendar (a bed, initials, a pseudonym): put in each calendar event.</summary>
    public string? Label { get; set; }

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
    public Dictionary<string, string>? Levels { get; set; }
    public TreatmentRecordDto? Given { get; set; }

    /// <summary>When the events that change a line's dose happened (<c>cmr: 2026-03-02</c>), by event name.</summary>
    public Dictionary<string, string>? Events { get; set; }

    /// <summary>The value written for a built-in fact, by the fact's name (the key is the name).</summary>
    public string? Fact(string name) => name switch
    {
        "height" => Height,
        "weight" => Weight,
        "age" => Age,
        "sex" => Sex,
        "crcl" => Crcl,
        "bsa" => Bsa,
        _ => null,
    };
}

/// <summary>The treatment as given so far (<c>given:</c> in a patient file): delays, changes from a cycle on, and recorded doses.</summary>
public sealed class TreatmentRecordDto
{
    public string? AsOf { get; set; }
    public List<CycleDelayDto>? Delays { get; set; }
    public List<DrugChangeDto>? Changes { get; set; }
    public List<GivenDoseDto>? Doses { get; set; }
}

public sealed class CycleDelayDto
{
    public string? Cycle { get; set; }
    public string? Days { get; set; }
    public string? Reason { get; set; }
}

public sealed class DrugChangeDto
{
    public string? Drug { get; set; }
    public string? FromCycle { get; set; }
    public string? Level { get; set; }
    public string? Stop { get; set; }
    public string? Reason { get; set; }
}

public sealed class GivenDoseDto
{
    public string? Drug { get; set; }
    public string? Cycle { get; set; }
    public string? Day { get; set; }
    public string? Given { get; set; }
    public string? Reason { get; set; }
}
