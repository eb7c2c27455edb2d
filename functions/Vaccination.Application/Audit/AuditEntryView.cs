using Vaccination.Domain.Audit;

namespace Vaccination.Application.Audit;

/// <summary>One audit entry as an administrator reviews it. It holds internal ids only, never a My Number or a name.</summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorId,
    string Role,
    string? ActorMunicipality,
    string Action,
    string? SubjectId,
    string? Resource,
    string Outcome,
    int Status,
    string Hash)
{
    public static AuditEntryView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = entry.Event;
        return new(entry.Sequence, e.At, e.ActorId, e.Role, e.ActorMunicipality, e.Action, e.Subject?.Value, e.Resource, e.Outcome, e.Status, entry.Hash);
    }
}
