using Vaccination.Domain.Access;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Access;

/// <summary>Per-tenant storage of staff grants: one row per actor, holding the latest grant and its revocation.</summary>
public interface IStaffGrantStore
{
    Task<StaffGrant?> GetAsync(Tenant tenant, string actorId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffGrant>> ListAsync(Tenant tenant, CancellationToken cancellationToken = default);

    Task SaveAsync(Tenant tenant, StaffGrant grant, CancellationToken cancellationToken = default);
}
