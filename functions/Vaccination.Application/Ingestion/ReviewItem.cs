namespace Vaccination.Application.Ingestion;

/// <summary>
/// An event that was refused because it would change a confirmed record (or otherwise needs a person), kept for staff.
/// The event itself is stored encrypted under the person's key; the list shows ids and codes only.
/// </summary>
public sealed record ReviewItem(string SubjectId, string EventId, string EventType, string Reason, DateTimeOffset ReceivedAt);
