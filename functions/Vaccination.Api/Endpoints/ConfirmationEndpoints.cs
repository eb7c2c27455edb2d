using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>GET .../review-items: the events refused because they would have changed a confirmed record.</summary>
public sealed class ConfirmationEndpoints(CallerAuthenticator authenticator, ConfirmationService confirmations)
{
    public async Task<IResult> ListReviewItemsAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        int? limit = null;
        if (request.Query["limit"].ToString() is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ProblemResponses.From(Error.Validation("limit.range", $"limit is between 1 and {ConfirmationService.MaxLimit}.", "limit"));
            }

            limit = parsed;
        }

        var result = await confirmations.ListReviewItemsAsync(caller.Value, municipalityCode, limit, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }
}
