namespace RegimenLang.Cli.Commands;

/// <summary>The exit status contract of docs/language.md, section "Exit status".</summary>
public static class ExitCodes
{
    /// <summary>Clean, or warnings only.</summary>
    public const int Ok = 0;

    /// <summary>Errors in the input (or warnings with --warnings-as-errors), or a snapshot/format difference.</summary>
    public const int Findings = 1;

    /// <summary>A usage error or an unreadable path.</summary>
    public const int Usage = 2;

    /// <summary>A bug in regimen itself (never bad input, which is always a diagnostic); reported without a stack trace.</summary>
    public const int InternalError = 3;
}
