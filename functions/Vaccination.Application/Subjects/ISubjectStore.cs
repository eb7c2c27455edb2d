using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Subjects;

/// <summary>
/// Per-tenant storage of vaccination subjects and their doses. Every member takes the tenant first;
/// there is deliberately no member that reads across tenants.
/// </summary>
public interface ISubjectStore
{
    Task<VaccinationSubject?> GetAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a subject through the My Number blind index (one of the three lawful scenes only, S6).</summary>
    Task<SubjectId?> FindByMyNumberAsync(Tenant tenant, MyNumber myNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the subject (when <see cref="VaccinationSubject.Version"/> is null) or replaces it if its version still
    /// matches; a stale version or a My Number already held by another subject is a conflict.
    /// </summary>
    Task<Result<VaccinationSubject>> SaveAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces many new subjects at once (bulk import): no version check, last writer wins. Returns the
    /// subjects refused because another subject holds their My Number. A subject whose My Number changes goes through
    /// <see cref="SaveAsync"/>, which also retires the old index entry.
    /// </summary>
    Task<IReadOnlyList<SubjectId>> SaveManyAsync(Tenant tenant, IReadOnlyList<VaccinationSubject> subjects, CancellationToken cancellationToken = default);

    /// <summary>Streams every subject of the tenant, partition by partition, with bounded memory.</summary>
    IAsyncEnumerable<VaccinationSubject> ListAsync(Tenant tenant, CancellationToken cancellationToken = default);

    Task SaveDoseAsync(Tenant tenant, DoseRecord dose, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces many doses of stored subjects at once, in batches per partition (bulk import). Returns the
    /// subjects whose doses were refused because the subject has no key (not stored, or erased).
    /// </summary>
    Task<IReadOnlyList<SubjectId>> SaveDosesAsync(Tenant tenant, IReadOnlyList<DoseRecord> doses, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DoseRecord>> GetDosesAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default);

    /// <summary>Removes one dose (a cancelled record); returns whether it existed.</summary>
    Task<bool> DeleteDoseAsync(Tenant tenant, SubjectId id, DoseNumber number, CancellationToken cancellationToken = default);
}
