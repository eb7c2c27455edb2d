using Microsoft.Extensions.Caching.Memory;
using Vaccination.Application.Callers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Access;

/// <summary>
/// The one rule for who may act in a role (S5). A caller may act in a role that the operation allows and, if that
/// role is municipal staff, only while an administrator of the caller's own municipality has granted the actor the
/// staff role and not revoked it; a token alone is not enough. Administrators and the other roles are identified by
/// their token. <see cref="TenantAccess"/> applies <see cref="Permits"/>; authentication calls
/// <see cref="WithGrantAsync"/> once per request. Grant look-ups are cached for <see cref="GrantCacheLifetime"/>, so a
/// revocation reaches other instances within that time (at once on the instance that recorded it).
/// </summary>
public sealed class AccessPolicy(IStaffGrantStore grants, TenantRegistry tenants) : IDisposable
{
    public static readonly TimeSpan GrantCacheLifetime = TimeSpan.FromSeconds(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static bool Permits(Caller caller, IReadOnlyCollection<CallerRole> allowedRoles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(allowedRoles);
        return allowedRoles.Contains(caller.Role) && (caller.Role != CallerRole.MunicipalStaff || caller.HasStaffGrant);
    }

    /// <summary>
    /// Whose statistics (F9, no personal data) a caller reads: national callers every municipality, a prefecture the
    /// municipalities of its own prefecture (its claim names the prefecture, or its two-digit number, which begins every
    /// municipality code of that prefecture); nobody else.
    /// </summary>
    public static bool SeesStatisticsOf(Caller caller, Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tenant);
        return caller.Role switch
        {
            CallerRole.National => true,
            CallerRole.Prefecture => caller.Prefecture is { Length: > 0 } prefecture
                && (string.Equals(prefecture, tenant.Prefecture, StringComparison.OrdinalIgnoreCase) || prefecture == tenant.Code.Value[..2]),
            _ => false,
        };
    }

    /// <summary>The caller with <see cref="Caller.HasStaffGrant"/> set from its municipality's grants (staff callers only).</summary>
    public async Task<Caller> WithGrantAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != CallerRole.MunicipalStaff || caller.Tenant is not { } code || tenants.Find(code) is not { } tenant || !ActorIds.IsValid(caller.ActorId))
        {
            return caller with { HasStaffGrant = false };
        }

        var key = (code, caller.ActorId);
        if (!_cache.TryGetValue(key, out bool granted))
        {
            granted = (await grants.GetAsync(tenant, caller.ActorId, cancellationToken))?.IsActive == true;
            _cache.Set(key, granted, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = GrantCacheLifetime });
        }

        return caller with { HasStaffGrant = granted };
    }

    /// <summary>Drops this instance's cached answer for an actor after a grant or revocation.</summary>
    public void Forget(Tenant tenant, string actorId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        _cache.Remove((tenant.Code, actorId));
    }

    public void Dispose() => _cache.Dispose();
}
