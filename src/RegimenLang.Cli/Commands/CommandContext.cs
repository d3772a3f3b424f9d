using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary>
/// Where a command reads and writes. Commands never touch Console or the disk directly, so tests capture
/// everything: output goes to <see cref="Out"/> or, with <c>-o</c>, through the file system; colour is used
/// only when standard output is a terminal and neither <c>--no-color</c> nor <c>NO_COLOR</c> says otherwise.
/// </summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, IFileSystem FileSystem, bool IsTerminal = false, bool NoColorEnvironment = false)
{
    /// <summary>Whether to colour text output for this run.</summary>
    public bool Color(bool noColorOption) => IsTerminal && !NoColorEnvironment && !noColorOption;

    /// <summary>Prints <paramref name="text"/> to standard output, or writes it atomically to <paramref name="outputFile"/>.</summary>
    public int Emit(string text, string? outputFile)
    {
        if (outputFile is null)
        {
            Out.Write(text);
            return ExitCodes.Ok;
        }
        if (FileSystem.WriteAtomically(outputFile, text) is { } error)
        {
            Error.WriteLine($"regimen: cannot write {outputFile}: {error}");
            return ExitCodes.Usage;
        }
        return ExitCodes.Ok;
    }

    /// <summary>The staged content of the git repository around the current folder, or null after a usage error saying why.</summary>
    public GitIndexFileSystem? OpenStaged()
    {
        var (index, error) = GitIndexFileSystem.Open(Directory.GetCurrentDirectory());
        if (index is null)
        {
            UsageError($"--staged: {error}");
        }
        return index;
    }

    public void UsageError(string message) => Error.WriteLine($"regimen: {message}");

    /// <summary>A file that could not be read (a usage error, exit 2), with the reason; <c>expand</c> and <c>export</c> report it alike.</summary>
    public int Unreadable((string Path, string Reason) file)
    {
        UsageError($"cannot read {file.Path}: {file.Reason}");
        return ExitCodes.Usage;
    }
}
