using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>
/// Reads a request body as its exact bytes (what a signature covers), refusing bodies over a limit whether or not the
/// request declares its length (a chunked body is counted as it is read). Every body the API reads goes through here.
/// </summary>
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

    /// <summary>Reads a body as UTF-8 text: over the limit or not valid UTF-8 is a validation error (never silently replaced).</summary>
    public static async Task<Result<string>> ReadUtf8Async(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, maxBytes, cancellationToken);
        if (!body.IsSuccess)
        {
            return Result<string>.Failure(body.Errors);
        }

        return Utf8.IsValid(body.Value) ? Encoding.UTF8.GetString(body.Value) : InvalidUtf8;
    }

    /// <summary>The error for a body that is not valid UTF-8.</summary>
    public static Error InvalidUtf8 { get; } = Error.Validation("request.invalid_utf8", "The body is not valid UTF-8.");

    private static Error TooLarge(int maxBytes) =>
        Error.Validation("request.too_large", $"The body is larger than {maxBytes} bytes.");
}
