using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Access;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>Administrators' staff grants: GET .../staff-grants, POST and DELETE .../staff-grants/{actorId}.</summary>
public sealed class StaffGrantEndpoints(CallerAuthenticator authenticator, StaffGrantService grants)
{
    public async Task<IResult> ListAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await grants.ListAsync(caller.Value, municipalityCode, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> GrantAsync(HttpRequest request, string municipalityCode, string actorId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await grants.GrantAsync(caller.Value, municipalityCode, actorId, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> RevokeAsync(HttpRequest request, string municipalityCode, string actorId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await grants.RevokeAsync(caller.Value, municipalityCode, actorId, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    private static IResult ToResponse<T>(Result<T> result) =>
        result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
}
