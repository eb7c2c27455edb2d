namespace Vaccination.Application.Callers;

/// <summary>The roles a caller's token can carry (S1, S4, S5). Each maps to one claim value in <see cref="CallerRoles"/>.</summary>
public enum CallerRole
{
    MunicipalStaff,
    MunicipalAdministrator,
    VaccinationSite,
    CertificateChannel,
    Vrs,
    Prefecture,
    National,
}
