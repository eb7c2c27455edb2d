using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>Reads a JSON request body with web defaults; malformed or oversized JSON is a validation error, never a 500.</summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return Error.Validation("request.too_large", $"The body is larger than {MaxBytes} bytes.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? Error.Validation("request.empty", "A JSON body is required.") : value;
        }
        catch (JsonException e)
        {
            return Error.Validation("request.malformed_json", "The body is not valid JSON for this operation.", e.Path);
        }
    }
}
