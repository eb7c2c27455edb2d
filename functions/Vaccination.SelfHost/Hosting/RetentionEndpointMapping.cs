using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Retention;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the retention routes with OpenAPI metadata.</summary>
internal static class RetentionEndpointMapping
{
    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.RetentionSweeps, (HttpRequest request, string municipalityCode, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.StartSweepAsync(request, municipalityCode, ct))
            .WithName("StartRetentionSweep").WithTags("Retention")
            .Produces<SweepStarted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.ErasureProposals, (HttpRequest request, string municipalityCode, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.ListProposalsAsync(request, municipalityCode, ct))
            .WithName("ListErasureProposals").WithTags("Retention")
            .Produces<IReadOnlyList<ErasureProposal>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.ErasureProposal, (HttpRequest request, string municipalityCode, string proposalId, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetProposalAsync(request, municipalityCode, proposalId, ct))
            .WithName("GetErasureProposal").WithTags("Retention")
            .Produces<ErasureProposalView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.ErasureDecision, (HttpRequest request, string municipalityCode, string proposalId, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.DecideAsync(request, municipalityCode, proposalId, ct))
            .WithName("DecideErasureProposal").WithTags("Retention")
            .Accepts<ErasureDecisionRequest>("application/json")
            .Produces<ErasureProposal>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet(ApiRoutes.ErasureCertificate, (HttpRequest request, string municipalityCode, string certificateId, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetCertificateAsync(request, municipalityCode, certificateId, ct))
            .WithName("GetErasureCertificate").WithTags("Retention")
            .Produces<DeletionCertificate>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.ErasureCertificateKeys, (HttpRequest request, string municipalityCode, string certificateId, int page, RetentionEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetCertificateKeysAsync(request, municipalityCode, certificateId, page, ct))
            .WithName("GetErasureCertificateKeys").WithTags("Retention")
            .Produces<DestroyedKeyPageView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
