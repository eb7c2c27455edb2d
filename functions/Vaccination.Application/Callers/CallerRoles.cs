using System.Collections.Frozen;

namespace Vaccination.Application.Callers;

/// <summary>The claim values of the roles, one place for the spelling used in tokens.</summary>
public static class CallerRoles
{
    private static readonly FrozenDictionary<string, CallerRole> ByClaim = new Dictionary<string, CallerRole>
    {
        ["municipal-staff"] = CallerRole.MunicipalStaff,
        ["municipal-admin"] = CallerRole.MunicipalAdministrator,
        ["vaccination-site"] = CallerRole.VaccinationSite,
        ["certificate-channel"] = CallerRole.CertificateChannel,
        ["vrs"] = CallerRole.Vrs,
        ["prefecture"] = CallerRole.Prefecture,
        ["national"] = CallerRole.National,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<CallerRole, string> ByRole =
        ByClaim.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static IEnumerable<string> ClaimValues => ByClaim.Keys;

    public static bool TryParse(string? claimValue, out CallerRole role) =>
        ByClaim.TryGetValue(claimValue ?? string.Empty, out role);

    public static string ToClaimValue(CallerRole role) => ByRole[role];

    /// <summary>Roles bound to one municipality: their token must name it.</summary>
    public static bool IsMunicipal(CallerRole role) => role is not (CallerRole.Prefecture or CallerRole.National);
}
