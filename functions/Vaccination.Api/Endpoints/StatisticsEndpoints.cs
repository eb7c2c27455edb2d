using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Statistics;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// Statistics without personal data (F9): GET /api/statistics/doses?municipality=&amp;from=&amp;to= for prefectural and
/// national callers, and POST .../statistics/refresh for a municipality's administrator to recompute its cells now.
/// </summary>
public sealed class StatisticsEndpoints(CallerAuthenticator authenticator, StatisticsService statistics)
{
    public async Task<IResult> QueryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var errors = new List<Error>();
        var from = Date(request.Query, "from", errors);
        var to = Date(request.Query, "to", errors);
        if (errors.Count > 0)
        {
            return ProblemResponses.From(errors);
        }

        var municipality = request.Query["municipality"].ToString() is { Length: > 0 } code ? code : null;
        var result = await statistics.QueryAsync(caller.Value, municipality, from, to, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    public async Task<IResult> RefreshAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await statistics.RefreshAsync(caller.Value, municipalityCode, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    private static DateOnly? Date(IQueryCollection query, string name, List<Error> errors)
    {
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(Error.Validation($"{name}.format", $"{name} is a date such as 2026-11-30.", name));
        return null;
    }
}
