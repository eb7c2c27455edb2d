namespace Vaccination.Application.Ingestion;

/// <summary>
/// The queue message for an event accepted with "Prefer: respond-async": which tenant and event id, and how many
/// times applying it was tried. The event itself stays in the idempotency store, encrypted; the message holds no
/// personal data.
/// </summary>
public sealed record QueuedEventWork(string MunicipalityCode, string EventId, int Attempt);
