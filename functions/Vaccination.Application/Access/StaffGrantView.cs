using Vaccination.Domain.Access;

namespace Vaccination.Application.Access;

/// <summary>A staff grant as administrators see it.</summary>
public sealed record StaffGrantView(string ActorId, string Role, bool Active, string GrantedBy, DateTimeOffset GrantedAt, string? RevokedBy, DateTimeOffset? RevokedAt)
{
    public static StaffGrantView From(StaffGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new(grant.ActorId, Callers.CallerRoles.ToClaimValue(Callers.CallerRole.MunicipalStaff), grant.IsActive, grant.GrantedBy, grant.GrantedAt, grant.RevokedBy, grant.RevokedAt);
    }
}
