using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Audit;

/// <summary>
/// One read or change of a tenant's data, as the audit trail records it (S5): who (actor id, role and the actor's own
/// municipality), what (an action name and, when it concerns one resource, its id), about which person (the internal
/// number only, never a My Number or a name), when, and with what outcome.
/// </summary>
public sealed record AuditEvent(
    DateTimeOffset At,
    string ActorId,
    string Role,
    string? ActorMunicipality,
    string Action,
    SubjectId? Subject,
    string? Resource,
    string Outcome,
    int Status);
