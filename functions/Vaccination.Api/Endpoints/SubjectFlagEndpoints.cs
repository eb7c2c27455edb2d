using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Subjects;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// The subject flags staff set (PUT) and release (DELETE), one route each: .../subjects/{subjectId}/confirmation
/// (the confirmed-record lock), .../suspension (S21) and .../auto-response-hold (自動応答不可, S19).
/// </summary>
public sealed class SubjectFlagEndpoints(CallerAuthenticator authenticator, SubjectFlagService flags)
{
    public async Task<IResult> SetAsync(
        HttpRequest request, string municipalityCode, string subjectId, SubjectFlagKind flag, bool on, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await flags.SetAsync(caller.Value, municipalityCode, subjectId, flag, on, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }
}
