using Vaccination.Domain.Audit;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Audit;

/// <summary>
/// A tenant's audit trail: append-only and hash-chained, so that a changed, deleted or reordered entry is found by
/// <see cref="VerifyAsync"/>. There is no member that changes or removes an entry.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends the events in order; returns when they are durably stored.</summary>
    Task AppendAsync(Tenant tenant, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The entries of a time range, oldest first, optionally only those about one person or by one actor.</summary>
    IAsyncEnumerable<AuditEntry> QueryAsync(Tenant tenant, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Walks the whole chain from its first entry and names the first entry that does not verify.</summary>
    Task<AuditVerification> VerifyAsync(Tenant tenant, CancellationToken cancellationToken = default);
}
