using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Export;

/// <summary>Streams every dose of one tenant in the ledger layout, partition by partition, with bounded memory.</summary>
public interface ILedgerReader
{
    IAsyncEnumerable<LedgerRow> ReadAsync(Tenant tenant, CancellationToken cancellationToken = default);
}
