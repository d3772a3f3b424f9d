using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Text;

namespace RegimenLang.Syntax;

/// <summary>The text of a file, or why it cannot be parsed (too large, not UTF-8).</summary>
public sealed record DecodedSource(SourceText? Source, Diagnostic? Problem);

/// <summary>
/// Turns the bytes of a regimen file into text: refuses files over the size limit, and reports invalid
/// UTF-8 with its line and column instead of silently replacing characters. Reading the bytes is the
/// workspace's job (its file system); this is the first step of the syntax stage.
/// </summary>
public static class SourceDecoder
{
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedSource TooLarge(string path, long size) =>
        new(null, Diagnose.FileTooLarge(new SourceSpan(0, 0, 1, 1), size, MaxFileBytes) with { File = path });

    /// <summary>A file that grew past the limit while it was read (a device or a file still being written).</summary>
    public static DecodedSource OverLimit(string path) =>
        new(null, Diagnose.FileOverLimit(new SourceSpan(0, 0, 1, 1), MaxFileBytes) with { File = path });

    public static DecodedSource Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxFileBytes)
        {
            return TooLarge(path, bytes.Length);
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            string text = StrictUtf8.GetString(bytes[start..]);
            return new DecodedSource(new SourceText(path, text), null);
        }
        catch (DecoderFallbackException e)
        {
            int offset = start + Math.Max(0, e.Index);
            var (line, column) = LocateByte(bytes, start, offset);
            byte bad = offset < bytes.Length ? bytes[offset] : (byte)0;
            return new DecodedSource(null, Diagnose.InvalidUtf8(new SourceSpan(0, 0, line, column), bad, offset) with { File = path });
        }
    }

    /// <summary>Line and column (in characters of the valid prefix of the line) of a byte offset.</summary>
    private static (int Line, int Column) LocateByte(ReadOnlySpan<byte> bytes, int start, int offset)
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
}
