namespace RegimenLang.Diagnostics;

/// <summary>How serious a finding is. Ordered, so that <c>severity &gt;= Severity.Warning</c> reads naturally.</summary>
public enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        _ => "error",
    };
}
