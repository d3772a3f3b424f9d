using RegimenLang.Output;

namespace RegimenLang.Tests.Support;

/// <summary>
/// Golden-file comparison without Verify: the expected text lives in <c>X.verified.txt</c> beside
/// its input. On a mismatch the actual text is written to <c>X.received.txt</c> (git-ignored) and
/// the assertion fails with a unified diff. Set ACCEPT_GOLDEN=1 to write the verified file instead
/// (review the git diff before committing it). CI never sets it, so CI never creates or updates
/// golden files; a missing verified file fails there.
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "ACCEPT_GOLDEN";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="verifiedPath"/>.</summary>
    public static void Verify(string verifiedPath, string actual) => Verify(verifiedPath, actual, Accepting);

    internal static void Verify(string verifiedPath, string actual, bool accept)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string receivedPath = ReceivedPath(verifiedPath);
        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

        if (expected == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }
            return;
        }
        if (accept)
        {
            RegimenLang.Workspace.AtomicFile.WriteAllText(verifiedPath, actual);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }
            return;
        }
        RegimenLang.Workspace.AtomicFile.WriteAllText(receivedPath, actual);
        string name = RepoPathsOrFull(verifiedPath);
        string diff = expected is null
            ? $"{name} does not exist yet; the output was written to {RepoPathsOrFull(receivedPath)}.\n"
            : UnifiedDiff.Create(expected, actual, name, RepoPathsOrFull(receivedPath));
        throw new GoldenMismatchException(
            $"Golden file mismatch. Review the diff; if the new output is right, run the tests with {AcceptVariable}=1.\n{diff}");
    }

    public static string ReceivedPath(string verifiedPath) =>
        verifiedPath.EndsWith(".verified.txt", StringComparison.Ordinal)
            ? verifiedPath[..^".verified.txt".Length] + ".received.txt"
            : verifiedPath + ".received.txt";

    private static string RepoPathsOrFull(string path)
    {
        try
        {
            return RepoPaths.Relative(path);
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }
}

public sealed class GoldenMismatchException(string message) : Exception(message);
