using System.Text;
using RegimenLang.Diagnostics;

namespace RegimenLang.Text;

/// <summary>The outcome of reading a file: its text, or why it could not be used.</summary>
/// <param name="Unreadable">True when the file could not be read at all (missing, no permission): a usage error, exit 2.</param>
public sealed record ReadResult(SourceText? Source, Diagnostic? Problem, bool Unreadable);

/// <summary>
/// Reads a regimen file safely: refuses files over the size limit without loading them, and reports
/// invalid UTF-8 with its line and column instead of silently replacing characters.
/// </summary>
public static class SourceFileReader
{
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadResult Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Problem(path, DiagnosticCatalog.FileTooLarge, new SourceSpan(0, 0, 1, 1), info.Length, MaxFileBytes);
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return new ReadResult(null, null, Unreadable: true);
        }
        return Decode(path, bytes);
    }

    public static ReadResult Decode(string path, byte[] bytes)
    {
        if (bytes.LongLength > MaxFileBytes)
        {
            return Problem(path, DiagnosticCatalog.FileTooLarge, new SourceSpan(0, 0, 1, 1), bytes.LongLength, MaxFileBytes);
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            string text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return new ReadResult(new SourceText(path, text), null, Unreadable: false);
        }
        catch (DecoderFallbackException e)
        {
            int offset = start + Math.Max(0, e.Index);
            var (line, column) = LocateByte(bytes, start, offset);
            byte bad = offset < bytes.Length ? bytes[offset] : (byte)0;
            return Problem(path, DiagnosticCatalog.InvalidUtf8, new SourceSpan(0, 0, line, column), bad, offset);
        }
    }

    /// <summary>Line and column (in characters of the valid prefix of the line) of a byte offset.</summary>
    private static (int Line, int Column) LocateByte(byte[] bytes, int start, int offset)
    {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset && i < bytes.Length; i++)
        {
            // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return (line, column);
    }

    private static ReadResult Problem(string path, DiagnosticDescriptor descriptor, SourceSpan span, params object[] args) =>
        new(null, new Diagnostic(descriptor, path, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity), Unreadable: false);
}
