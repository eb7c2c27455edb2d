namespace Vaccination.IntegrationTests.Access;

/// <summary>The callers of the access matrix: no token, each role of a token, and staff whose actor holds no grant.</summary>
public enum CallerKind
{
    Anonymous,
    Staff,
    UngrantedStaff,
    Administrator,
    VaccinationSite,
    CertificateChannel,
    Vrs,
    Prefecture,
    National,
}
