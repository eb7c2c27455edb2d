using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Statistics;

/// <summary>Streams a tenant's doses with the persons' birth dates, partition by partition (for the statistics batch job only).</summary>
public interface IDoseFactReader
{
    IAsyncEnumerable<DoseFact> ReadAsync(Tenant tenant, CancellationToken cancellationToken = default);
}
