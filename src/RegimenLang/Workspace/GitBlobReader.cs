using System.Diagnostics;
using System.Text;

namespace RegimenLang.Workspace;

/// <summary>
/// Reads blobs from a git repository through one long-lived <c>git cat-file --batch</c> process
/// (request: the object name and a newline; answer: "&lt;oid&gt; &lt;type&gt; &lt;size&gt;\n", the bytes, "\n").
/// Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class GitBlobReader : IDisposable
{
    private readonly Process? _process;
    private readonly string? _startError;

    public GitBlobReader(string root)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { "-C", root, "cat-file", "--batch" })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            _process = Process.Start(start);
            // Drained so that a chatty git never blocks on a full stderr pipe.
            _process?.BeginErrorReadLine();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            _startError = $"git could not be run ({e.Message})";
        }
    }

    public FileReading Read(string blob, long maxBytes)
    {
        if (_process is null || _process.HasExited)
        {
            return FileReading.Failed(FileProblemKind.Unreadable, _startError ?? "git stopped answering");
        }
        var input = _process.StandardInput;
        input.Write(blob + "\n");
        input.Flush();
        var output = _process.StandardOutput.BaseStream;
        string? header = ReadHeader(output);
        var fields = header?.Split(' ');
        if (fields is not { Length: 3 } || !long.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long size))
        {
            return FileReading.Failed(FileProblemKind.Unreadable, header is null ? "git stopped answering" : $"git could not read it ({header})");
        }
        if (size > maxBytes)
        {
            Skip(output, size + 1);
            return FileReading.Failed(FileProblemKind.TooLarge, $"it is {size:N0} bytes, more than {maxBytes:N0}", size);
        }
        var content = new byte[size];
        output.ReadExactly(content);
        Skip(output, 1); // the newline after the content
        return FileReading.Of(content);
    }

    private static string? ReadHeader(Stream output)
    {
        var bytes = new List<byte>(64);
        for (int b = output.ReadByte(); b != '\n'; b = output.ReadByte())
        {
            if (b < 0)
            {
                return null;
            }
            bytes.Add((byte)b);
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static void Skip(Stream output, long count)
    {
        var buffer = new byte[Math.Min(count, 81_920)];
        while (count > 0)
        {
            int read = output.Read(buffer, 0, (int)Math.Min(count, buffer.Length));
            if (read == 0)
            {
                return;
            }
            count -= read;
        }
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            _process.StandardInput.Close(); // git ends at the end of its input
            if (!_process.WaitForExit(5_000))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
