using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>
/// The provision records (情報提供等記録, S12) about one person: every inquiry and provision of their records with other
/// municipalities. The exchange store has no index by person, so this walks the tenant's records once (streamed).
/// </summary>
public sealed class ProvisionRecordsDisclosureSource(IExchangeRecordStore records) : IDisclosureSource
{
    public const int MaxItems = 1000;

    public async Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default)
    {
        var items = new List<object>();
        await foreach (var r in records.ListAsync(tenant, inquiryId: null, cancellationToken))
        {
            if (r.SubjectId != subject)
            {
                continue;
            }

            if (items.Count == MaxItems)
            {
                return new DisclosureSection("provisionRecords", items, Truncated: true);
            }

            items.Add(new ExchangeRecordView(r.InquiryId.Value, r.Direction == ExchangeDirection.Inquiry ? "inquiry" : "provision",
                r.Counterparty.Value, r.Event, r.LegalBasis, r.At, r.Actor, r.SubjectId?.Value, r.Items, r.Detail));
        }

        return new DisclosureSection("provisionRecords", items);
    }
}
