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
/// by new deliveries, and <see cref="PurgeExpiredAsync"/> deletes expired ones. A queued event also has an outbox
/// marker in the tenant's outbox partition (row key = the event id, with the time it was queued and how often it was
/// re-driven), written after its record and before the answer, and deleted after its completion; markers of events
/// accepted at the same time share transactions (<see cref="TableGroupWriter"/>), so the request pays about one insert.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables, TenantFieldProtector protector) : IIdempotencyStore
{
    private const string EventColumn = "Event";
    private const string QueuedAtColumn = "QueuedAt";
    private const string RedrivesColumn = "Redrives";

    private readonly TableGroupWriter _outbox = new(tables.Get(TableNames.IngestionEvents));

    private TableClient Table => tables.Get(TableNames.IngestionEvents);

    public async Task<IdempotencyRecord?> FindAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken = default)
    {
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, eventId), eventId.Value, cancellationToken: cancellationToken);
        return stored.HasValue ? await FromEntityAsync(tenant, eventId, stored.Value!, cancellationToken) : null;
    }

    public async Task<IdempotencyRecord?> AddAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await ToEntityAsync(tenant, record, cancellationToken);
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await Table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)).Value;
            var earlier = await FromEntityAsync(tenant, record.EventId, existing, cancellationToken);
            if (earlier.Holds(record.ProcessedAt))
            {
                // A delivery that stored the event may have stopped before its marker was written: write it now.
                await MarkIfQueuedAsync(tenant, earlier, cancellationToken);
                return earlier;
            }

            await Table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        await MarkIfQueuedAsync(tenant, record, cancellationToken);
        return null;
    }

    public async Task<bool> CompleteAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await ToEntityAsync(tenant, record, cancellationToken);
        try
        {
            _ = record.Version is null
                ? await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                : await Table.UpdateEntityAsync(entity, new ETag(record.Version), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }

        await DropMarkerAsync(tenant, record.EventId, cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<QueuedEventMarker> FindOverdueAsync(
        Tenant tenant, DateTimeOffset queuedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForOutbox(tenant)} and QueuedAt lt {queuedBefore}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new QueuedEventMarker(
                EventId.TryCreate(row.RowKey).Value, row.GetDateTimeOffset(QueuedAtColumn)!.Value, row.GetInt32(RedrivesColumn) ?? 0, row.ETag.ToString());
        }
    }

    public async Task<bool> ClaimRedriveAsync(Tenant tenant, QueuedEventMarker marker, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var claimed = Marker(tenant, marker.EventId, now);
        claimed[RedrivesColumn] = marker.Redrives + 1;
        try
        {
            await Table.UpdateEntityAsync(claimed, new ETag(marker.Version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public Task DropMarkerAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken = default) =>
        _outbox.SubmitAsync(new TableTransactionAction(TableTransactionActionType.Delete, Marker(tenant, eventId, null), ETag.All), cancellationToken);

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

    /// <summary>
    /// Writes a queued record's outbox marker (merged: a marker already there keeps its re-drive count); a record
    /// without a pending event has none.
    /// </summary>
    private Task MarkIfQueuedAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken) =>
        record is { Outcome.IsQueued: true, PendingEvent: not null }
            ? _outbox.SubmitAsync(new TableTransactionAction(TableTransactionActionType.UpsertMerge, Marker(tenant, record.EventId, record.ProcessedAt)), cancellationToken)
            : Task.CompletedTask;

    private static TableEntity Marker(Tenant tenant, EventId eventId, DateTimeOffset? queuedAt)
    {
        var marker = new TableEntity(PartitionKeys.ForOutbox(tenant), eventId.Value);
        if (queuedAt is { } at)
        {
            marker[QueuedAtColumn] = at;
        }

        return marker;
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
        Version = entity.ETag.ToString(),
        PendingEvent = await protector.UnprotectAsync(tenant, EventContext(tenant, entity.PartitionKey, eventId), entity.GetString(EventColumn), cancellationToken),
        FromSite = entity.GetBoolean("FromSite") ?? false,
        Reusable = entity.GetBoolean("Reusable") ?? false,
    };

    private static FieldContext EventContext(Tenant tenant, string partition, EventId eventId) =>
        new(tenant.Code.Value, TableNames.IngestionEvents, partition, eventId.Value, EventColumn);
}
