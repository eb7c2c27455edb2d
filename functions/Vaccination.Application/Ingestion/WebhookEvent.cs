namespace Vaccination.Application.Ingestion;

/// <summary>
/// One VRS webhook event as received (unvalidated). <see cref="Type"/> says which section is used:
/// <list type="bullet">
/// <item>"subject.registered", "subject.updated": <see cref="SubjectId"/> and <see cref="Subject"/>.</item>
/// <item>"ticket.issued", "ticket.reissued": <see cref="SubjectId"/> and <see cref="Ticket"/>.</item>
/// <item>"dose.recorded", "dose.corrected": <see cref="SubjectId"/> or <see cref="TicketNumber"/>, and <see cref="Dose"/>.</item>
/// <item>"dose.cancelled": <see cref="SubjectId"/> or <see cref="TicketNumber"/>, and <see cref="Cancellation"/>.</item>
/// <item>"subject.moved_out": <see cref="SubjectId"/> and <see cref="MovedOut"/>.</item>
/// <item>"subject.deceased": <see cref="SubjectId"/> and <see cref="Deceased"/>.</item>
/// <item>"resident.changed": <see cref="SubjectId"/> and <see cref="Resident"/> (S17: changes from the resident registry).</item>
/// </list>
/// </summary>
/// <param name="EventId">The sender's unique id of this event: the idempotency key (1-100 of A-Z a-z 0-9 . _ : -).</param>
/// <param name="Type">The event type, one of the values listed above.</param>
/// <param name="OccurredAt">When the change happened at the sender (informational).</param>
/// <param name="MunicipalityCode">Optional; when sent it must be the route's municipality.</param>
/// <param name="SubjectId">The internal address number (宛名番号, D2) of the person.</param>
/// <param name="TicketNumber">The 10-digit ticket number (D4) when the dose is recorded by ticket (vaccination sites).</param>
public sealed record WebhookEvent(
    string? EventId,
    string? Type,
    DateTimeOffset? OccurredAt,
    string? MunicipalityCode,
    string? SubjectId,
    string? TicketNumber,
    SubjectPayload? Subject,
    TicketPayload? Ticket,
    DosePayload? Dose,
    DoseCancellationPayload? Cancellation,
    MoveOutPayload? MovedOut,
    DeathPayload? Deceased,
    ResidentChangePayload? Resident);
