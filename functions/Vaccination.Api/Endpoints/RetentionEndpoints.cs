using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Retention;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>Retention endpoints of a municipality's own staff: start a sweep, review and decide proposals, fetch certificates.</summary>
public sealed class RetentionEndpoints(CallerAuthenticator authenticator, ErasureService erasure)
{
    public async Task<IResult> StartSweepAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var runId = await erasure.StartSweepAsync(caller.Value, municipalityCode, cancellationToken);
        return runId.IsSuccess
            ? Results.Json(new SweepStarted(runId.Value), JsonBody.Options, statusCode: StatusCodes.Status202Accepted)
            : ProblemResponses.From(runId.Errors);
    }

    public async Task<IResult> ListProposalsAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await erasure.ListAsync(caller.Value, municipalityCode, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> GetProposalAsync(HttpRequest request, string municipalityCode, string proposalId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await erasure.GetAsync(caller.Value, municipalityCode, proposalId, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> DecideAsync(HttpRequest request, string municipalityCode, string proposalId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<ErasureDecisionRequest>(request, cancellationToken);
        return body.IsSuccess
            ? ToResponse(await erasure.DecideAsync(caller.Value, municipalityCode, proposalId, body.Value, cancellationToken))
            : ProblemResponses.From(body.Errors);
    }

    public async Task<IResult> GetCertificateAsync(HttpRequest request, string municipalityCode, string certificateId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await erasure.GetCertificateAsync(caller.Value, municipalityCode, certificateId, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    public async Task<IResult> GetCertificateKeysAsync(HttpRequest request, string municipalityCode, string certificateId, int page, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        return caller.IsSuccess
            ? ToResponse(await erasure.GetKeyPageAsync(caller.Value, municipalityCode, certificateId, page, cancellationToken))
            : ProblemResponses.From(caller.Errors);
    }

    private static IResult ToResponse<T>(Result<T> result) =>
        result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
}
