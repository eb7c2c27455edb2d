using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// The provision record on Azure Tables, append-only: rows are only ever added (never updated or deleted by the
/// application), keyed "{inquiryId}_{counterparty}_{event}" so a repeated append of the same event is refused by
/// storage and changes nothing. One inquiry's records share a partition (from the inquiry id's leading hex).
/// </summary>
internal sealed class TableExchangeRecordStore(StorageTables tables) : IExchangeRecordStore
{
    private TableClient Table => tables.Get(TableNames.ExchangeRecords);

    public async Task AppendAsync(Tenant tenant, ExchangeRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(tenant, record), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already recorded (a repeated delivery): one record per event.
        }
    }

    public async Task AppendManyAsync(Tenant tenant, IReadOnlyList<ExchangeRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in records.Select(r => ToEntity(tenant, r)).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var entity in batch)
                {
                    try
                    {
                        await Table.AddEntityAsync(entity, cancellationToken);
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                        // Already recorded.
                    }
                }
            }
        }
    }

    public async IAsyncEnumerable<ExchangeRecord> ListAsync(Tenant tenant, InquiryId? inquiryId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filters = inquiryId is { } id
            ? [TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForIndex(tenant, id.Value)} and RowKey gt {id.Value + "_"} and RowKey lt {id.Value + "`"}")]
            : PartitionKeys.AllForTenant(tenant).Select(partition => TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToList();
        foreach (var filter in filters)
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return FromEntity(row);
            }
        }
    }

    private static TableEntity ToEntity(Tenant tenant, ExchangeRecord r) =>
        new(PartitionKeys.ForIndex(tenant, r.InquiryId.Value), $"{r.InquiryId.Value}_{r.Counterparty.Value}_{r.Event}")
        {
            ["InquiryId"] = r.InquiryId.Value,
            ["Counterparty"] = r.Counterparty.Value,
            ["Direction"] = r.Direction.ToString(),
            ["Event"] = r.Event,
            ["LegalBasis"] = r.LegalBasis,
            ["At"] = r.At,
            ["Actor"] = r.Actor,
            ["SubjectId"] = r.SubjectId?.Value,
            ["Items"] = r.Items,
            ["Detail"] = r.Detail,
        };

    private static ExchangeRecord FromEntity(TableEntity e) => new(
        InquiryId.TryCreate(e.GetString("InquiryId")).Value,
        MunicipalityCode.Parse(e.GetString("Counterparty")),
        Enum.Parse<ExchangeDirection>(e.GetString("Direction")),
        e.GetString("Event"),
        e.GetString("LegalBasis"),
        e.GetDateTimeOffset("At")!.Value,
        e.GetString("Actor"),
        e.GetString("SubjectId") is { } subject ? SubjectId.TryCreate(subject).Value : null,
        e.GetString("Items"),
        e.GetString("Detail"));
}
