using System.Diagnostics;

namespace RegimenLang.Workspace;

/// <summary>The one place the tool starts git: reading staged files (pre-commit hooks) and revisions (<c>regimen diff</c>).</summary>
internal static class GitProcess
{
    /// <summary>
    /// Runs git in <paramref name="folder"/> and returns its standard output, or null and why: git's own message, a non-zero
    /// exit, more than <paramref name="maxBytes"/> of output ("more than N bytes"), or git missing.
    /// </summary>
    public static (byte[]? Output, string Error) Run(string folder, long maxBytes, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            bool tooLarge = false;
            for (int read; (read = process.StandardOutput.BaseStream.Read(chunk)) > 0;)
            {
                // Read to the end even past the limit, so that git is never left blocked on a full pipe.
                if (!tooLarge && buffer.Length + read <= maxBytes)
                {
                    buffer.Write(chunk, 0, read);
                }
                else
                {
                    tooLarge = true;
                }
            }
            process.WaitForExit();
            string error = stderr.Result.Trim();
            if (tooLarge)
            {
                return (null, $"more than {maxBytes:N0} bytes");
            }
            return process.ExitCode == 0 ? (buffer.ToArray(), "") : (null, error.Length > 0 ? error : $"git exited with {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"git could not be run ({e.Message})");
        }
    }
}
