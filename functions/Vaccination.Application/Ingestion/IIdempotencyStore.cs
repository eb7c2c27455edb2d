using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>Per-tenant idempotency records of webhook events (and the events waiting in the queue).</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the record unless one that still holds the id exists (see <see cref="IdempotencyRecord.Holds"/>);
    /// returns null when added, else the record another delivery stored first.
    /// </summary>
    Task<IdempotencyRecord?> AddAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Replaces a queued event's record with its final outcome (the pending event is dropped).</summary>
    Task CompleteAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant's records that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default);
}
