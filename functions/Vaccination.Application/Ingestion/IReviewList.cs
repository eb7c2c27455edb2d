using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>Per-tenant list of refused events waiting for a staff decision.</summary>
public interface IReviewList
{
    /// <summary>Keeps the item and the event's JSON (encrypted under the subject's key); repeating it changes nothing.</summary>
    Task AddAsync(Tenant tenant, SubjectId subjectId, ReviewItem item, string eventJson, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReviewItem>> ListAsync(Tenant tenant, int limit, CancellationToken cancellationToken = default);

    /// <summary>The items about one person (for a disclosure, S21): ids, type, reason and time, not the event itself.</summary>
    Task<IReadOnlyList<ReviewItem>> ListForSubjectAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default);
}
