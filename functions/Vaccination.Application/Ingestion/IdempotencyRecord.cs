using Vaccination.Domain.Ingestion;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// What was answered to an event id: a keyed hash of the event's exact JSON (to tell a replay from a reuse of the id)
/// and the outcome, which holds ids and codes only. Kept until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record IdempotencyRecord(EventId EventId, string RequestHash, EventOutcome Outcome, DateTimeOffset ProcessedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The event's JSON while it waits in the queue (outcome "queued"); the store keeps it encrypted and drops it once
    /// the event is applied or refused.
    /// </summary>
    public string? PendingEvent { get; init; }

    /// <summary>True when a vaccination site sent the event (its answers never carry the subject id).</summary>
    public bool FromSite { get; init; }

    /// <summary>
    /// True for a refusal the sender can fix (a queued event refused for missing data): like an unrecorded
    /// synchronous refusal, it does not hold the id, and a new delivery with the same id replaces it.
    /// </summary>
    public bool Reusable { get; init; }

    /// <summary>The store's concurrency token of the record as read (null for a record built, not read).</summary>
    public string? Version { get; init; }

    /// <summary>When a worker last began applying this queued event (null if none has).</summary>
    public DateTimeOffset? ApplyingSince { get; init; }

    /// <summary>True while the record answers a delivery of its id: unexpired and not a reusable refusal.</summary>
    public bool Holds(DateTimeOffset now) => ExpiresAt > now && !Reusable;
}
