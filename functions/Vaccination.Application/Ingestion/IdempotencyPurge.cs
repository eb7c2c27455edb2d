using Microsoft.Extensions.Logging;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>Deletes expired idempotency records of every served tenant (a timer runs it hourly in both hosts).</summary>
public sealed partial class IdempotencyPurge(TenantRegistry tenants, IIdempotencyStore store, TimeProvider clock, ILogger<IdempotencyPurge> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var tenant in tenants.All)
        {
            var purged = await store.PurgeExpiredAsync(tenant, clock.GetUtcNow(), cancellationToken);
            LogPurged(logger, tenant.Code.Value, purged);
            total += purged;
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency records of tenant {Tenant}")]
    private static partial void LogPurged(ILogger logger, string tenant, int count);
}
