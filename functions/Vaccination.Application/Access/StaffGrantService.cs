using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Access;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Access;

/// <summary>
/// A municipality's administrators grant and revoke the municipal-staff role of actors in their own municipality,
/// and list the grants (S5). Each grant row keeps who granted and who revoked; the audit trail keeps every call.
/// </summary>
public sealed class StaffGrantService(TenantAccess access, IStaffGrantStore grants, AccessPolicy policy, TimeProvider clock)
{
    private static readonly CallerRole[] Administrators = [CallerRole.MunicipalAdministrator];
    private static readonly Error InvalidActor = Error.Validation("actor_id.format", $"An actor id is 1-{ActorIds.MaxLength} letters, digits, '-', '_', '.' or '@'.", "actorId");

    public async Task<Result<IReadOnlyList<StaffGrantView>>> ListAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Administrators);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<StaffGrantView>>.Failure(tenant.Errors);
        }

        var all = await grants.ListAsync(tenant.Value, cancellationToken);
        return all.OrderBy(g => g.ActorId, StringComparer.Ordinal).Select(StaffGrantView.From).ToList();
    }

    public async Task<Result<StaffGrantView>> GrantAsync(Caller caller, string municipalityCode, string actorId, CancellationToken cancellationToken)
    {
        var tenant = Resolve(caller, municipalityCode, actorId);
        if (!tenant.IsSuccess)
        {
            return Result<StaffGrantView>.Failure(tenant.Errors);
        }

        var existing = await grants.GetAsync(tenant.Value, actorId, cancellationToken);
        if (existing is { IsActive: true })
        {
            return StaffGrantView.From(existing);
        }

        var grant = new StaffGrant(actorId, caller.ActorId, clock.GetUtcNow());
        await grants.SaveAsync(tenant.Value, grant, cancellationToken);
        policy.Forget(tenant.Value, actorId);
        return StaffGrantView.From(grant);
    }

    public async Task<Result<StaffGrantView>> RevokeAsync(Caller caller, string municipalityCode, string actorId, CancellationToken cancellationToken)
    {
        var tenant = Resolve(caller, municipalityCode, actorId);
        if (!tenant.IsSuccess)
        {
            return Result<StaffGrantView>.Failure(tenant.Errors);
        }

        var existing = await grants.GetAsync(tenant.Value, actorId, cancellationToken);
        if (existing is not { IsActive: true })
        {
            return Error.NotFound();
        }

        var revoked = existing with { RevokedBy = caller.ActorId, RevokedAt = clock.GetUtcNow() };
        await grants.SaveAsync(tenant.Value, revoked, cancellationToken);
        policy.Forget(tenant.Value, actorId);
        return StaffGrantView.From(revoked);
    }

    private Result<Tenant> Resolve(Caller caller, string municipalityCode, string actorId)
    {
        var tenant = access.Resolve(caller, municipalityCode, Administrators);
        return !tenant.IsSuccess || ActorIds.IsValid(actorId) ? tenant : InvalidActor;
    }
}
