using System.Buffers.Binary;
using System.IO.Compression;

namespace RegimenLang.Tests.Browser;

/// <summary>
/// A PNG decoded to RGBA pixels: 8-bit greyscale, RGB, grey+alpha or RGBA, not interlaced (what chromium writes), enough to
/// compare screenshots without an imaging library.
/// </summary>
public sealed class PngImage
{
    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Rgba { get; }

    public static PngImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 8 || file[0] != 0x89 || file[1] != (byte)'P')
        {
            throw new InvalidDataException($"{path} is not a PNG");
        }
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0)
                {
                    throw new InvalidDataException($"{path}: only 8-bit, non-interlaced PNGs are read");
                }
                channels = data[9] switch
                {
                    0 => 1,
                    2 => 3,
                    4 => 2,
                    6 => 4,
                    _ => throw new InvalidDataException($"{path}: colour type {data[9]} is not read"),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }
        return new PngImage(width, height, Unfilter(inflated.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        int stride = width * channels;
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var up = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? row[x - channels] : 0;
                int b = up[x];
                int c = x >= channels ? up[x - channels] : 0;
                row[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }
        var rgba = new byte[width * height * 4];
        for (int i = 0; i < width * height; i++)
        {
            var p = pixels.AsSpan(i * channels, channels);
            (rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2], rgba[i * 4 + 3]) = channels switch
            {
                1 => (p[0], p[0], p[0], (byte)255),
                2 => (p[0], p[0], p[0], p[1]),
                3 => (p[0], p[1], p[2], (byte)255),
                _ => (p[0], p[1], p[2], p[3]),
            };
        }
        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The share of pixels (0 to 1) whose colour differs by more than <paramref name="threshold"/> in any channel.</summary>
    public double DifferenceFrom(PngImage other, int threshold = 48)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return 1;
        }
        int differing = 0;
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            if (Math.Abs(Rgba[i] - other.Rgba[i]) > threshold || Math.Abs(Rgba[i + 1] - other.Rgba[i + 1]) > threshold
                || Math.Abs(Rgba[i + 2] - other.Rgba[i + 2]) > threshold)
            {
                differing++;
            }
        }
        return differing / (double)(Width * Height);
    }
}
