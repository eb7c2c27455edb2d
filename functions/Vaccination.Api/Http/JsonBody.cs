using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>
/// Reads a JSON request body with web defaults; malformed, too deep, not UTF-8 or oversized JSON (with or without a
/// Content-Length) is a validation error, never a 500. The body is read through <see cref="RawBody"/>, which bounds it.
/// </summary>
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
        var body = await RawBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (!body.IsSuccess)
        {
            return Result<T>.Failure(body.Errors);
        }

        if (!Utf8.IsValid(body.Value))
        {
            return RawBody.InvalidUtf8;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Value, Options);
            return value is null ? Error.Validation("request.empty", "A JSON body is required.") : value;
        }
        catch (JsonException e)
        {
            return Error.Validation("request.malformed_json", "The body is not valid JSON for this operation.", e.Path);
        }
    }
}
