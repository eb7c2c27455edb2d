using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>The provision record (情報提供等記録, S12): append-only, one per tenant, reviewable by the tenant's staff.</summary>
public interface IExchangeRecordStore
{
    /// <summary>Appends a record; appending the same event of the same inquiry and counterparty again changes nothing.</summary>
    Task AppendAsync(Tenant tenant, ExchangeRecord record, CancellationToken cancellationToken = default);

    /// <summary>Appends many records (a bulk inquiry), batched; as idempotent as <see cref="AppendAsync"/>.</summary>
    Task AppendManyAsync(Tenant tenant, IReadOnlyList<ExchangeRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The records of one inquiry, or every record of the tenant when <paramref name="inquiryId"/> is null.</summary>
    IAsyncEnumerable<ExchangeRecord> ListAsync(Tenant tenant, InquiryId? inquiryId, CancellationToken cancellationToken = default);
}
