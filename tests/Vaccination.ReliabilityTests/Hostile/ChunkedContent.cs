using System.Net;

namespace Vaccination.ReliabilityTests.Hostile;

/// <summary>A body sent without Content-Length (chunked transfer encoding), so the server cannot refuse it by its declared size.</summary>
internal sealed class ChunkedContent(byte[] data, string mediaType) : HttpContent
{
    private readonly byte[] _data = data;

    public static ChunkedContent Create(byte[] data, string mediaType = "application/json")
    {
        var content = new ChunkedContent(data, mediaType);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    public string MediaType { get; } = mediaType;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _data.Length; offset += 64 * 1024)
        {
            await stream.WriteAsync(_data.AsMemory(offset, Math.Min(64 * 1024, _data.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
