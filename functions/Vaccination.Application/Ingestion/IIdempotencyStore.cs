using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Per-tenant idempotency records of webhook events, and the events waiting to be applied: a queued event's record
/// is written together with an outbox marker, which its completion removes, so a sweep can find every event that a
/// lost work item or a crashed instance left queued.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the record unless one that still holds the id exists (see <see cref="IdempotencyRecord.Holds"/>);
    /// returns null when added, else the record another delivery stored first.
    /// </summary>
    Task<IdempotencyRecord?> AddAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a queued event's record (as read, see <see cref="IdempotencyRecord.Version"/>) as being applied since
    /// <paramref name="now"/>; returns the record as it now stands, or null when it changed since it was read (another
    /// worker began, or it was completed), in which case the caller must not apply it.
    /// </summary>
    Task<IdempotencyRecord?> BeginApplyingAsync(Tenant tenant, IdempotencyRecord record, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a queued event's record with its final outcome and removes its outbox marker, in one write, provided
    /// the record is unchanged since it was read (<see cref="IdempotencyRecord.Version"/>); false, writing nothing,
    /// when it changed or is gone.
    /// </summary>
    Task<bool> CompleteAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default);

    /// <summary>The outbox markers of the tenant's events queued before <paramref name="queuedBefore"/> and not yet completed.</summary>
    IAsyncEnumerable<QueuedEventMarker> FindOverdueAsync(Tenant tenant, DateTimeOffset queuedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one more re-drive on the marker and restarts its clock at <paramref name="now"/>, if the marker is
    /// unchanged since it was read; false when another instance claimed it or the event was completed meanwhile.
    /// </summary>
    Task<bool> ClaimRedriveAsync(Tenant tenant, QueuedEventMarker marker, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant's records that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default);
}
