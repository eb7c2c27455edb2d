using Microsoft.AspNetCore.Http;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>Reads a request body as its exact bytes (what a signature covers), refusing bodies over a limit.</summary>
public static class RawBody
{
    public static async Task<Result<byte[]>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Error TooLarge(int maxBytes) =>
        Error.Validation("request.too_large", $"The body is larger than {maxBytes} bytes.");
}
