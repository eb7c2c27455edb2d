using Vaccination.Application.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>Who read or changed the person's data in the last year, from the audit trail (S5, S21).</summary>
public sealed class AccessLogDisclosureSource(IAuditLog log, TimeProvider clock) : IDisclosureSource
{
    public async Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var query = new AuditQuery(now - AuditService.MaxRange, now, subject, null, AuditService.MaxLimit + 1);
        var items = new List<object>();
        await foreach (var entry in log.QueryAsync(tenant, query, cancellationToken))
        {
            items.Add(AuditEntryView.From(entry));
        }

        return items.Count > AuditService.MaxLimit
            ? new DisclosureSection("accessLog", items.Take(AuditService.MaxLimit).ToList(), Truncated: true)
            : new DisclosureSection("accessLog", items);
    }
}
