using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Audit;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// Administrators' review of the audit trail: GET .../audit-entries?subjectId=&amp;actor=&amp;from=&amp;to=&amp;limit=
/// and POST .../audit-verification, which walks the hash chain and names the first bad entry.
/// </summary>
public sealed class AuditEndpoints(CallerAuthenticator authenticator, AuditService audit)
{
    public async Task<IResult> QueryAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var query = ReadQuery(request.Query);
        if (!query.IsSuccess)
        {
            return ProblemResponses.From(query.Errors);
        }

        var result = await audit.QueryAsync(caller.Value, municipalityCode, query.Value, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    public async Task<IResult> VerifyAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await audit.VerifyAsync(caller.Value, municipalityCode, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    private static Result<AuditQueryRequest> ReadQuery(IQueryCollection query)
    {
        var errors = new List<Error>();
        var from = Time(query, "from", errors);
        var to = Time(query, "to", errors);
        int? limit = null;
        if (query["limit"].ToString() is { Length: > 0 } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                limit = parsed;
            }
            else
            {
                errors.Add(Error.Validation("limit.range", $"limit is between 1 and {AuditService.MaxLimit}.", "limit"));
            }
        }

        return errors.Count > 0
            ? Result<AuditQueryRequest>.Failure(errors)
            : new AuditQueryRequest(Text(query, "subjectId"), Text(query, "actor"), from, to, limit);
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<Error> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors.Add(Error.Validation($"{name}.format", $"{name} is an ISO 8601 date and time, such as 2026-11-30T09:00:00+09:00.", name));
        return null;
    }
}
