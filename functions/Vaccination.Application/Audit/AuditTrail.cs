using Vaccination.Application.Callers;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Audit;

/// <summary>
/// Records what a caller did to a tenant's data. The HTTP layer calls it for every authenticated request that names
/// a municipality (see <c>RequestAudit</c>); work that no request carries (queue consumers, timers) records itself
/// with <see cref="RecordSystemAsync"/>, as the actor <see cref="SystemActor"/> of the tenant.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock)
{
    /// <summary>The actor id and role of entries written by the system's own work.</summary>
    public const string SystemActor = "system";

    public Task RecordAsync(
        Tenant tenant, Caller caller, string action, IReadOnlyList<SubjectId> subjects, string? resource, int status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return AppendAsync(tenant, caller.ActorId, CallerRoles.ToClaimValue(caller.Role), caller.Tenant?.Value, action, subjects, resource, status, cancellationToken);
    }

    /// <summary>
    /// Records work of the system itself on the tenant's data, such as answering another municipality's inquiry
    /// automatically; <paramref name="status"/> is the HTTP status that says the outcome (200 done, 404 not found...).
    /// </summary>
    public Task RecordSystemAsync(
        Tenant tenant, string action, IReadOnlyList<SubjectId> subjects, string? resource, int status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return AppendAsync(tenant, SystemActor, SystemActor, tenant.Code.Value, action, subjects, resource, status, cancellationToken);
    }

    private Task AppendAsync(
        Tenant tenant, string actorId, string role, string? actorMunicipality, string action, IReadOnlyList<SubjectId> subjects, string? resource, int status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var at = clock.GetUtcNow();
        var outcome = AuditOutcomes.FromStatus(status);
        IReadOnlyList<AuditEvent> events = subjects.Count == 0
            ? [new AuditEvent(at, actorId, role, actorMunicipality, action, null, resource, outcome, status)]
            : subjects.Distinct().Select(s => new AuditEvent(at, actorId, role, actorMunicipality, action, s, resource, outcome, status)).ToList();
        return log.AppendAsync(tenant, events, cancellationToken);
    }
}
