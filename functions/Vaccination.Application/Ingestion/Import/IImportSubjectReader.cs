using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>Reads many stored subjects at once (bulk import); subjects that do not exist, or whose key is gone, are absent.</summary>
public interface IImportSubjectReader
{
    Task<IReadOnlyDictionary<SubjectId, VaccinationSubject>> GetManyAsync(Tenant tenant, IReadOnlyCollection<SubjectId> ids, CancellationToken cancellationToken = default);
}
