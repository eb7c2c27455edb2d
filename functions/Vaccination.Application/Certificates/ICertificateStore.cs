using Vaccination.Domain.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Certificates;

/// <summary>What is kept of issued certificates (S14), per tenant and person; passport data only encrypted.</summary>
public interface ICertificateStore
{
    Task SaveAsync(Tenant tenant, IssuedCertificate certificate, CancellationToken cancellationToken = default);

    /// <summary>Every certificate kept for the person, with its passport data where kept (for a disclosure, S21).</summary>
    Task<IReadOnlyList<IssuedCertificate>> ListAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The passport data kept with the person's latest overseas certificate for this passport number, or null: a kiosk
    /// reissues an overseas certificate only from passport data registered before (F7).
    /// </summary>
    Task<PassportData?> FindPassportAsync(Tenant tenant, SubjectId subjectId, string passportNumber, CancellationToken cancellationToken = default);
}
