using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Callers;

/// <summary>
/// An authenticated caller: who (an opaque actor id), in which role, for which municipality
/// (or prefecture, for prefectural callers). Comes from a validated token, never from the request body.
/// </summary>
public sealed record Caller(string ActorId, CallerRole Role, MunicipalityCode? Tenant, string? Prefecture = null)
{
    /// <summary>Whether an administrator of the caller's municipality has granted this actor the staff role (set at authentication, see AccessPolicy).</summary>
    public bool HasStaffGrant { get; init; }

    /// <summary>
    /// For a certificate channel, which one its token is for ("app" or "kiosk", the token's channel claim): an
    /// application is accepted only on the channel the caller's credential belongs to.
    /// </summary>
    public string? Channel { get; init; }

    public bool HasRole(params CallerRole[] roles) => roles.Contains(Role);
}
