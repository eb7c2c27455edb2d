namespace Vaccination.Domain.Audit;

/// <summary>
/// A recorded <see cref="AuditEvent"/>: its place in the tenant's chain (sequence, day partition) and its chain hash,
/// which covers the event and the previous entry's hash.
/// </summary>
public sealed record AuditEntry(long Sequence, string Day, AuditEvent Event, string Hash);
