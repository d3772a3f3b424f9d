namespace RegimenLang.Cli;

/// <summary>Where a command writes. Commands never touch Console directly, so tests capture everything.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Prints <paramref name="text"/> to standard output, or writes it atomically to <paramref name="outputFile"/>.</summary>
    public int Emit(string text, string? outputFile)
    {
        if (outputFile is null)
        {
            Out.Write(text);
            return ExitCodes.Ok;
        }
        try
        {
            RegimenLang.Output.AtomicFile.WriteAllText(outputFile, text);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"regimen: cannot write {outputFile}: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
