namespace RegimenLang.Diagnostics;

/// <summary>
/// The families of the catalogue. The family is a field of each descriptor (not read off the code's
/// digits), so that a code keeps its family in SARIF, the docs and <c>regimen explain</c>.
/// </summary>
public enum DiagnosticFamily
{
    /// <summary>RL0xxx: the text does not follow the grammar.</summary>
    Syntax,

    /// <summary>RL1xxx: names, structure, metadata and input files.</summary>
    Names,

    /// <summary>RL2xxx: days, cycles and the plan.</summary>
    Schedule,

    /// <summary>RL3xxx: routes and dose maxima.</summary>
    DoseSafety,

    /// <summary>RL4xxx: time between doses.</summary>
    Intervals,

    /// <summary>RL5001-RL5006: error-prone notation and review hygiene.</summary>
    Notation,

    /// <summary>RL5007: the project's regimen.yaml.</summary>
    Configuration,

    /// <summary>RL6xxx: expanding a regimen for a patient.</summary>
    Evaluation,

    /// <summary>RL7xxx: what an export to another format (HL7 FHIR R4) cannot carry losslessly.</summary>
    Export,
}

public static class DiagnosticFamilyNames
{
    /// <summary>The family as it is printed (explain, SARIF category, docs).</summary>
    public static string ToName(this DiagnosticFamily family) => family switch
    {
        DiagnosticFamily.Syntax => "syntax",
        DiagnosticFamily.Names => "names and structure",
        DiagnosticFamily.Schedule => "schedule",
        DiagnosticFamily.DoseSafety => "dose safety",
        DiagnosticFamily.Intervals => "intervals",
        DiagnosticFamily.Notation => "error-prone notation",
        DiagnosticFamily.Configuration => "configuration",
        DiagnosticFamily.Evaluation => "evaluation",
        DiagnosticFamily.Export => "export",
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };
}
