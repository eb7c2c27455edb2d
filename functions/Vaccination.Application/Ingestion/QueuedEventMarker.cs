using Vaccination.Domain.Ingestion;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The outbox entry of a queued event, stored before the event is acknowledged and removed after its completion:
/// while the event is queued it exists. <see cref="Version"/> is the store's concurrency token.
/// </summary>
public sealed record QueuedEventMarker(EventId EventId, DateTimeOffset QueuedAt, int Redrives, string Version);
