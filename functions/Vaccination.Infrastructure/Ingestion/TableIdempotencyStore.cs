using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Idempotency records in the IngestionEvents table: row key = the event id, spread over the tenant's partitions by
/// a hash of the id. The outcome is stored as JSON (ids and codes only, never personal data). A queued event's JSON,
/// which may hold a My Number or a name, is kept in the same row encrypted under the tenant's data key until it is
/// applied. Records that no longer hold their id (expired, or reusable refusals) are ignored by reads and overwritten
/// by new deliveries, and <see cref="PurgeExpiredAsync"/> deletes expired ones.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables, TenantFieldProtector protector) : IIdempotencyStore
{
    private const string EventColumn = "Event";

    private TableClient Table => tables.Get(TableNames.IngestionEvents);

    public async Task<IdempotencyRecord?> FindAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken = default)
    {
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, eventId), eventId.Value, cancellationToken: cancellationToken);
        return stored.HasValue ? await FromEntityAsync(tenant, eventId, stored.Value!, cancellationToken) : null;
    }

    public async Task CompleteAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await Table.UpsertEntityAsync(await ToEntityAsync(tenant, record, cancellationToken), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IdempotencyRecord?> AddAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await ToEntityAsync(tenant, record, cancellationToken);
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await Table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)).Value;
            var earlier = await FromEntityAsync(tenant, record.EventId, existing, cancellationToken);
            if (earlier.Holds(record.ProcessedAt))
            {
                return earlier;
            }

            await Table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return null;
        }
    }

    public async Task<int> PurgeExpiredAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var expired = new List<TableEntity>();
            await foreach (var row in Expired(partition, now, cancellationToken))
            {
                expired.Add(row);
            }

            foreach (var batch in expired.Chunk(TableBatch.MaxSize))
            {
                await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
                purged += batch.Length;
            }
        }

        return purged;
    }

    private async IAsyncEnumerable<TableEntity> Expired(string partition, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ExpiresAt lt {now}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    private static string Partition(Tenant tenant, EventId eventId) =>
        PartitionKeys.ForIndex(tenant, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId.Value))));

    private async Task<TableEntity> ToEntityAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var partition = Partition(tenant, record.EventId);
        var entity = new TableEntity(partition, record.EventId.Value)
        {
            ["RequestHash"] = record.RequestHash,
            ["Outcome"] = JsonSerializer.Serialize(record.Outcome, IngestionJson.Options),
            ["ProcessedAt"] = record.ProcessedAt,
            ["ExpiresAt"] = record.ExpiresAt,
            ["FromSite"] = record.FromSite,
            ["Reusable"] = record.Reusable,
        };
        if (record.PendingEvent is not null)
        {
            entity[EventColumn] = await protector.ProtectAsync(tenant, EventContext(tenant, partition, record.EventId), record.PendingEvent, cancellationToken);
        }

        return entity;
    }

    private async Task<IdempotencyRecord> FromEntityAsync(Tenant tenant, EventId eventId, TableEntity entity, CancellationToken cancellationToken) => new(
        eventId,
        entity.GetString("RequestHash"),
        JsonSerializer.Deserialize<EventOutcome>(entity.GetString("Outcome"), IngestionJson.Options)!,
        entity.GetDateTimeOffset("ProcessedAt")!.Value,
        entity.GetDateTimeOffset("ExpiresAt")!.Value)
    {
        PendingEvent = await protector.UnprotectAsync(tenant, EventContext(tenant, entity.PartitionKey, eventId), entity.GetString(EventColumn), cancellationToken),
        FromSite = entity.GetBoolean("FromSite") ?? false,
        Reusable = entity.GetBoolean("Reusable") ?? false,
    };

    private static FieldContext EventContext(Tenant tenant, string partition, EventId eventId) =>
        new(tenant.Code.Value, TableNames.IngestionEvents, partition, eventId.Value, EventColumn);
}
