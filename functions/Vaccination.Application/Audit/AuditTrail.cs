using Vaccination.Application.Callers;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Audit;

/// <summary>
/// Records what a caller did to a tenant's data. The HTTP layer calls it for every authenticated request that names
/// a municipality (see <c>RequestAudit</c>); work that no request carries (queue consumers, timers) calls it directly.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock)
{
    public Task RecordAsync(
        Tenant tenant, Caller caller, string action, IReadOnlyList<SubjectId> subjects, string? resource, int status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(subjects);
        var at = clock.GetUtcNow();
        var role = CallerRoles.ToClaimValue(caller.Role);
        var outcome = AuditOutcomes.FromStatus(status);
        IReadOnlyList<AuditEvent> events = subjects.Count == 0
            ? [new AuditEvent(at, caller.ActorId, role, caller.Tenant?.Value, action, null, resource, outcome, status)]
            : subjects.Distinct().Select(s => new AuditEvent(at, caller.ActorId, role, caller.Tenant?.Value, action, s, resource, outcome, status)).ToList();
        return log.AppendAsync(tenant, events, cancellationToken);
    }
}
