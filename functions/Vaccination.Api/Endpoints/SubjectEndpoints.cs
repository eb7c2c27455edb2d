using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>Staff endpoints on subjects. Each authenticates, reads the body, calls the service and maps the result.</summary>
public sealed class SubjectEndpoints(CallerAuthenticator authenticator, SubjectService subjects)
{
    public async Task<IResult> GetAsync(HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        return ToResponse(await subjects.GetAsync(caller.Value, municipalityCode, subjectId, cancellationToken));
    }

    public async Task<IResult> PutAsync(HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<SubjectRegistrationRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        return ToResponse(await subjects.RegisterAsync(caller.Value, municipalityCode, subjectId, body.Value, cancellationToken));
    }

    public async Task<IResult> PostDoseAsync(HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<DoseRecordingRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        return ToResponse(await subjects.RecordDoseAsync(caller.Value, municipalityCode, subjectId, body.Value, cancellationToken));
    }

    private static IResult ToResponse(Result<SubjectView> result) =>
        result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
}
