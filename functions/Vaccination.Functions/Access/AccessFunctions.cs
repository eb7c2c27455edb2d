using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Access;

/// <summary>Administrators' staff grants and audit review; authentication, audit and tenant checks happen in the shared endpoints.</summary>
public sealed class AccessFunctions(StaffGrantEndpoints grants, AuditEndpoints audit)
{
    [Function(nameof(ListStaffGrants))]
    public Task<IActionResult> ListStaffGrants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StaffGrants)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        grants.ListAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GrantStaffRole))]
    public Task<IActionResult> GrantStaffRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.StaffGrant)] HttpRequest request, string municipalityCode, string actorId, CancellationToken cancellationToken) =>
        grants.GrantAsync(request, municipalityCode, actorId, cancellationToken).AsActionResult();

    [Function(nameof(RevokeStaffRole))]
    public Task<IActionResult> RevokeStaffRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.StaffGrant)] HttpRequest request, string municipalityCode, string actorId, CancellationToken cancellationToken) =>
        grants.RevokeAsync(request, municipalityCode, actorId, cancellationToken).AsActionResult();

    [Function(nameof(QueryAuditEntries))]
    public Task<IActionResult> QueryAuditEntries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AuditEntries)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        audit.QueryAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(VerifyAuditChain))]
    public Task<IActionResult> VerifyAuditChain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AuditVerification)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        audit.VerifyAsync(request, municipalityCode, cancellationToken).AsActionResult();
}
