using Vaccination.Domain.Ingestion;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// What was answered to an event id: a keyed hash of the event's exact JSON (to tell a replay from a reuse of the id)
/// and the outcome, which holds ids and codes only. Kept until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record IdempotencyRecord(EventId EventId, string RequestHash, EventOutcome Outcome, DateTimeOffset ProcessedAt, DateTimeOffset ExpiresAt);
