using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.DataQuality;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>Staff endpoints on data-quality flags: GET .../data-quality, POST .../data-quality/{subjectId}/{flagId}/resolution.</summary>
public sealed class DataQualityEndpoints(CallerAuthenticator authenticator, DataQualityService dataQuality)
{
    public async Task<IResult> ListAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var includeResolved = string.Equals(request.Query["includeResolved"], "true", StringComparison.OrdinalIgnoreCase);
        var limitText = request.Query["limit"].ToString();
        int? limit = null;
        if (limitText.Length > 0)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ProblemResponses.From(Error.Validation("limit.range", $"limit is between 1 and {DataQualityService.MaxLimit}.", "limit"));
            }

            limit = parsed;
        }

        var result = await dataQuality.ListAsync(caller.Value, municipalityCode, includeResolved, limit, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    public async Task<IResult> ResolveAsync(HttpRequest request, string municipalityCode, string subjectId, string flagId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await dataQuality.ResolveAsync(caller.Value, municipalityCode, subjectId, flagId, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }
}
