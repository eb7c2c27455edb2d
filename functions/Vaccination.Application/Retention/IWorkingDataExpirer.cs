using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Retention;

/// <summary>
/// A feature's short-lived working data (inquiry results, idempotency records, ...) that sweeps expire without a
/// decision. Each feature registers one; the sweep calls every registered expirer for each tenant.
/// </summary>
public interface IWorkingDataExpirer
{
    string Name { get; }

    /// <summary>Deletes the tenant's working data older than its retention; returns how many rows went. Idempotent.</summary>
    Task<int> ExpireAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken);
}
