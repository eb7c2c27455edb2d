using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vaccination.Application.Certificates.Qr;

/// <summary>
/// Renders a <see cref="QrCode"/> as a 1-bit greyscale PNG with a quiet zone: IHDR, one zlib-compressed IDAT with
/// filter type 0 on every row, IEND, each chunk with its CRC-32.
/// </summary>
public static class QrPng
{
    public const int DefaultScale = 4;
    public const int QuietZone = 4;
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Render(QrCode code, int scale = DefaultScale)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var width = (code.Size + 2 * QuietZone) * scale;
        var rowBytes = (width + 7) / 8;

        var raw = new byte[(rowBytes + 1) * width];
        var modules = code.Size + 2 * QuietZone;
        for (var moduleY = 0; moduleY < modules; moduleY++)
        {
            // Each module row is drawn once and copied to the scale-1 pixel rows below it; filter type 0 (none).
            var first = raw.AsSpan(moduleY * scale * (rowBytes + 1), rowBytes + 1);
            for (var px = 0; px < width; px++)
            {
                // In greyscale, bit 1 is white: set it for light modules.
                if (!code.IsDark(px / scale - QuietZone, moduleY - QuietZone))
                {
                    first[1 + (px >>> 3)] |= (byte)(0x80 >>> (px & 7));
                }
            }

            for (var copy = 1; copy < scale; copy++)
            {
                first.CopyTo(raw.AsSpan((moduleY * scale + copy) * (rowBytes + 1)));
            }
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), width);
        header[8] = 1;
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(raw));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc32.Compute(typeAndData));
        output.Write(crc);
    }
}
