using Vaccination.Domain.Ingestion;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The outbox entry of a queued event, stored with its idempotency record in one write and removed with its
/// completion: while it exists the event is not yet applied. <see cref="Version"/> is the store's concurrency token.
/// </summary>
public sealed record QueuedEventMarker(EventId EventId, DateTimeOffset QueuedAt, int Redrives, string Version);
