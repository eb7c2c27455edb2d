using Vaccination.Application.Access;
using Vaccination.Application.Callers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Tenants;

/// <summary>
/// The one rule for which tenant a request may touch: the municipality named in the route must be the caller's own
/// and served here, and the caller must hold one of the allowed roles as <see cref="AccessPolicy.Permits"/> decides
/// (municipal staff also need an active grant). A role the operation does not allow is 403, whatever the route names;
/// any tenant mismatch looks exactly like "not found", so a caller learns nothing about another tenant's data.
/// </summary>
public sealed class TenantAccess(TenantRegistry registry)
{
    public Result<Tenant> Resolve(Caller caller, string? routeMunicipalityCode, params CallerRole[] allowedRoles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.Permits(caller, allowedRoles))
        {
            return Error.Forbidden();
        }

        var tenant = registry.Find(routeMunicipalityCode);
        if (tenant is null || caller.Tenant != tenant.Code)
        {
            return Error.NotFound();
        }

        return tenant;
    }
}
