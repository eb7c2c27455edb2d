using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Statistics;

/// <summary>Per-tenant aggregate counts (no personal data). A refresh replaces the whole set at once for readers.</summary>
public interface IDoseStatisticsStore
{
    Task ReplaceAsync(Tenant tenant, IReadOnlyList<DoseCount> counts, DateTimeOffset computedAt, CancellationToken cancellationToken = default);

    Task<StoredStatistics> ReadAsync(Tenant tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
