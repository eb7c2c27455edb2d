using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Individuals;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// Individuals' requests (S21) handled by staff: GET .../subjects/{subjectId}/disclosure and POST .../correction
/// (suspension of use is a subject flag: <see cref="SubjectFlagEndpoints"/>).
/// </summary>
public sealed class IndividualRequestEndpoints(CallerAuthenticator authenticator, IndividualRequestService requests)
{
    public async Task<IResult> DiscloseAsync(HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await requests.DiscloseAsync(caller.Value, municipalityCode, subjectId, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> CorrectAsync(HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<CorrectionRequest>(request, cancellationToken);
        return body.IsSuccess
            ? ToResponse(await requests.CorrectAsync(caller.Value, municipalityCode, subjectId, body.Value, cancellationToken))
            : ProblemResponses.From(body.Errors);
    }

    private static IResult ToResponse<T>(Result<T> result) =>
        result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
}
