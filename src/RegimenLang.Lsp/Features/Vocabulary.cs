namespace RegimenLang.Lsp.Features;

/// <summary>
/// The words of the language that completion offers, by the place they may be written (docs/language.md). A test
/// writes each one into a line and parses it, so a word the grammar does not take cannot stay here.
/// </summary>
public static class Vocabulary
{
    public static readonly string[] TopLevel = ["regimen", "input", "block", "cycle", "phase", "limit", "levels", "plan"];

    public static readonly string[] MetadataKeys = ["id", "indication", "population", "version", "author", "status", "source"];

    public static readonly string[] Routes = ["IV", "PO", "SC", "IM", "IT", "CIV"];

    public static readonly string[] Units =
        ["mg", "g", "mcg", "ng", "units", "mg/m2", "g/m2", "mcg/m2", "units/m2", "mg/kg", "mcg/kg", "mg/day", "mcg/day", "mg/m2/day", "mcg/m2/day", "mg/kg/day"];

    public static readonly string[] Frequencies =
        ["once", "daily", "bid", "tid", "qid", "q6h", "q8h", "q12h", "weekly", "throughout", "divided bid", "every 14 days"];

    /// <summary>Clauses after the route, in the canonical order.</summary>
    public static readonly string[] Clauses =
        ["over", "continuous", "day", "days", "cap", "round to", "when", "in cycle", "in cycles", "from cycle", "note", "at", "as", "before", "after", "prn", "until"];

    public static readonly string[] DoseForms = ["AUC", "ramp"];

    public static readonly string[] DurationUnits = ["min", "h", "days"];

    public static readonly string[] LengthUnits = ["days", "weeks"];

    public static readonly string[] LimitScopes = ["per dose", "per day", "per cycle", "lifetime"];

    public static readonly string[] InputTypes = ["flag", "percent", "number", "choice"];

    public static readonly string[] ConditionWords = ["not", "and", "or"];

    /// <summary>What a dose level may be besides a dose in level 0's unit or a percentage.</summary>
    public static readonly string[] LevelValues = ["omit", "AUC"];

    public static readonly string[] PlanWords = ["then", "x", "rest", "when", "else", "repeat until"];
}
