using System.Text;

namespace RegimenLang.Workspace;

/// <summary>
/// A file as a git revision holds it, named as git names it: <c>REV:path</c> (<c>HEAD~1:regimens/x.regimen</c>; a path
/// starting with <c>./</c> or <c>../</c> is relative to the current folder, any other to the repository's root). Read with
/// <c>git show</c>, at most a given number of bytes.
/// </summary>
public sealed record GitRevisionFile(string Revision, string Path)
{
    /// <summary>
    /// The revision and path of <paramref name="argument"/>, or null when it names a file: an existing file, or no colon
    /// after the first two characters (so <c>C:\x.regimen</c> is a path on Windows).
    /// </summary>
    public static GitRevisionFile? Parse(string argument, IFileSystem fileSystem)
    {
        int colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (fileSystem.IsFile(argument) || colon < 1 || (colon == 1 && char.IsAsciiLetter(argument[0])) || colon == argument.Length - 1)
        {
            return null;
        }
        return new GitRevisionFile(argument[..colon], argument[(colon + 1)..]);
    }

    /// <summary>Where the file is in the working tree (so that the nearest <c>regimen.yaml</c> applies), or why git could not say.</summary>
    public (string? Path, string? Error) WorkingTreePath(string folder)
    {
        if (Path.StartsWith("./", StringComparison.Ordinal) || Path.StartsWith("../", StringComparison.Ordinal))
        {
            return (System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, Path)), null);
        }
        var (output, error) = GitProcess.Run(folder, long.MaxValue, "rev-parse", "--show-toplevel");
        return output is null ? (null, error) : (System.IO.Path.Combine(Encoding.UTF8.GetString(output).Trim(), Path), null);
    }

    /// <summary>The bytes of the file at the revision, or why they could not be read (git's own message).</summary>
    public FileReading Read(string folder, long maxBytes)
    {
        var (output, error) = GitProcess.Run(folder, maxBytes, "show", $"{Revision}:{Path}");
        if (output is null)
        {
            return FileReading.Failed(error.StartsWith("more than", StringComparison.Ordinal) ? FileProblemKind.TooLarge : FileProblemKind.Unreadable, error);
        }
        return FileReading.Of(output);
    }

    public override string ToString() => $"{Revision}:{Path}";
}
