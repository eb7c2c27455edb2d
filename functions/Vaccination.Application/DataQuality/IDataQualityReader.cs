using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.DataQuality;

/// <summary>
/// What other features may ask about a subject's data quality. Certificates (issue 5) must not be issued while a
/// subject has an unresolved data-quality error (e.g. a dose recorded after the date of death).
/// </summary>
public interface IDataQualityReader
{
    /// <summary>Whether the subject has a data-quality flag of severity Error that staff have not resolved.</summary>
    Task<bool> HasUnresolvedErrorsAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default);

    /// <summary>Every flag about the subject, resolved or not (for a disclosure, S21).</summary>
    Task<IReadOnlyList<DataQualityFlag>> ListForSubjectAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default);
}
