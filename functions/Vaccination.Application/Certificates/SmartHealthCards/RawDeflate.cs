using System.IO.Compression;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>Raw DEFLATE (RFC 1951, no zlib or gzip header) as SMART Health Card payloads use: <see cref="DeflateStream"/>, not ZLibStream.</summary>
public static class RawDeflate
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(ReadOnlySpan<byte> data)
    {
        using var input = new MemoryStream(data.ToArray());
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }
}
