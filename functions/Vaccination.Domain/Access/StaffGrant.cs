namespace Vaccination.Domain.Access;

/// <summary>
/// An administrator's grant of the municipal-staff role to one actor in one municipality (S5), with who granted it
/// and when and, once revoked, who revoked it and when. A municipal-staff token reaches personal data only while its
/// actor holds an active grant in the token's municipality.
/// </summary>
public sealed record StaffGrant(string ActorId, string GrantedBy, DateTimeOffset GrantedAt, string? RevokedBy = null, DateTimeOffset? RevokedAt = null)
{
    public bool IsActive => RevokedAt is null;
}
