using System.Globalization;
using System.Text;

namespace RegimenLang.Lsp.JsonRpc;

/// <summary>Why a frame could not be read: the header was not LSP's, or the content was larger than allowed.</summary>
public sealed class FramingException(string message) : Exception(message);

/// <summary>
/// The base protocol of LSP: each message is <c>Content-Length: N\r\n</c> (other headers allowed and ignored),
/// a blank line, then N bytes of UTF-8 JSON. Reads and writes whole frames; knows nothing of JSON itself.
/// </summary>
public static class MessageFraming
{
    /// <summary>The largest message accepted: a document of the largest allowed size, JSON-escaped, with room to spare.</summary>
    public const int MaxContentBytes = 64 * 1024 * 1024;

    private const int MaxHeaderBytes = 8 * 1024;

    /// <summary>The content of the next frame, or null at the end of the stream.</summary>
    /// <exception cref="FramingException">A header without a usable Content-Length, or a frame larger than allowed.</exception>
    public static async Task<byte[]?> ReadAsync(Stream input, CancellationToken cancel = default)
    {
        int? length = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(input, cancel).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                if (length is null)
                {
                    continue; // stray blank lines between frames are tolerated
                }
                break;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FramingException($"not an LSP header line: '{Shorten(line)}'");
            }
            if (line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 0)
                {
                    throw new FramingException($"Content-Length is not a byte count: '{Shorten(line)}'");
                }
                if (n > MaxContentBytes)
                {
                    await SkipAsync(input, n, cancel).ConfigureAwait(false); // the next frame starts after it
                    throw new FramingException($"a message of {n} bytes is larger than the {MaxContentBytes} allowed; skipped");
                }
                length = n;
            }
        }
        var content = new byte[length.Value];
        await input.ReadExactlyAsync(content, cancel).ConfigureAwait(false);
        return content;
    }

    /// <summary>Writes one frame; the caller keeps writes from interleaving.</summary>
    public static async Task WriteAsync(Stream output, ReadOnlyMemory<byte> content, CancellationToken cancel = default)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {content.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        await output.WriteAsync(header, cancel).ConfigureAwait(false);
        await output.WriteAsync(content, cancel).ConfigureAwait(false);
        await output.FlushAsync(cancel).ConfigureAwait(false);
    }

    private static async Task SkipAsync(Stream input, long count, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            int read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }
            count -= read;
        }
    }

    /// <summary>One header line without its CRLF (a bare LF is accepted too), or null at the end of the stream.</summary>
    private static async Task<string?> ReadHeaderLineAsync(Stream input, CancellationToken cancel)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int read = await input.ReadAsync(one, cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return bytes.Count == 0 ? null : throw new FramingException("the stream ended inside a header");
            }
            if (one[0] == (byte)'\n')
            {
                if (bytes.Count > 0 && bytes[^1] == (byte)'\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }
                return Encoding.ASCII.GetString(bytes.ToArray());
            }
            bytes.Add(one[0]);
            if (bytes.Count > MaxHeaderBytes)
            {
                throw new FramingException("a header line longer than 8 KiB");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
