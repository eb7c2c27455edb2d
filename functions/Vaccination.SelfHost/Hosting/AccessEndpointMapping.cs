using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Access;
using Vaccination.Application.Audit;
using Vaccination.Domain.Audit;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the staff-grant and audit routes with OpenAPI metadata.</summary>
internal static class AccessEndpointMapping
{
    public static RouteGroupBuilder MapAccessAndAudit(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.StaffGrants, (HttpRequest request, string municipalityCode, StaffGrantEndpoints endpoints, CancellationToken ct) =>
                endpoints.ListAsync(request, municipalityCode, ct))
            .WithName("ListStaffGrants").WithTags("Access")
            .Produces<IReadOnlyList<StaffGrantView>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.StaffGrant, (HttpRequest request, string municipalityCode, string actorId, StaffGrantEndpoints endpoints, CancellationToken ct) =>
                endpoints.GrantAsync(request, municipalityCode, actorId, ct))
            .WithName("GrantStaffRole").WithTags("Access")
            .Produces<StaffGrantView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete(ApiRoutes.StaffGrant, (HttpRequest request, string municipalityCode, string actorId, StaffGrantEndpoints endpoints, CancellationToken ct) =>
                endpoints.RevokeAsync(request, municipalityCode, actorId, ct))
            .WithName("RevokeStaffRole").WithTags("Access")
            .Produces<StaffGrantView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.AuditEntries, (HttpRequest request, string municipalityCode, AuditEndpoints endpoints, CancellationToken ct) =>
                endpoints.QueryAsync(request, municipalityCode, ct))
            .WithName("QueryAuditEntries").WithTags("Audit")
            .Produces<IReadOnlyList<AuditEntryView>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.AuditVerification, (HttpRequest request, string municipalityCode, AuditEndpoints endpoints, CancellationToken ct) =>
                endpoints.VerifyAsync(request, municipalityCode, ct))
            .WithName("VerifyAuditChain").WithTags("Audit")
            .Produces<AuditVerification>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
