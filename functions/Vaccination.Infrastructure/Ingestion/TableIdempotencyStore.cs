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
/// by new deliveries, and <see cref="PurgeExpiredAsync"/> deletes expired ones. Beside each queued event's record,
/// in the same partition and written in the same transaction, is its outbox marker (row key "~queued|" + event id,
/// with the time it was queued and how often it was re-driven); the completion deletes it in the same transaction
/// as it writes the outcome.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables, TenantFieldProtector protector) : IIdempotencyStore
{
    private const string EventColumn = "Event";
    private const string MarkerPrefix = "~queued|";
    private const string MarkerRangeEnd = "~queued}";
    private const string QueuedAtColumn = "QueuedAt";
    private const string RedrivesColumn = "Redrives";
    private const string ApplyingSinceColumn = "ApplyingSince";

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
            await WriteAsync(entity, TableTransactionActionType.Add, default, record, cancellationToken);
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

            await WriteAsync(entity, TableTransactionActionType.UpdateReplace, existing.ETag, record, cancellationToken);
            return null;
        }
    }

    public async Task<IdempotencyRecord?> BeginApplyingAsync(Tenant tenant, IdempotencyRecord record, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var mark = new TableEntity(Partition(tenant, record.EventId), record.EventId.Value) { [ApplyingSinceColumn] = now };
        try
        {
            var response = await Table.UpdateEntityAsync(mark, Concurrency(record), TableUpdateMode.Merge, cancellationToken);
            return record with { ApplyingSince = now, Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task<bool> CompleteAsync(Tenant tenant, IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await ToEntityAsync(tenant, record, cancellationToken);
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, Concurrency(record)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, MarkerRowKey(record.EventId)), ETag.All),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<QueuedEventMarker> FindOverdueAsync(
        Tenant tenant, DateTimeOffset queuedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {MarkerPrefix} and RowKey lt {MarkerRangeEnd} and QueuedAt lt {queuedBefore}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return new QueuedEventMarker(
                    EventId.TryCreate(row.RowKey[MarkerPrefix.Length..]).Value, row.GetDateTimeOffset(QueuedAtColumn)!.Value,
                    row.GetInt32(RedrivesColumn) ?? 0, row.ETag.ToString());
            }
        }
    }

    public async Task<bool> ClaimRedriveAsync(Tenant tenant, QueuedEventMarker marker, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marker);
        try
        {
            await Table.UpdateEntityAsync(Marker(Partition(tenant, marker.EventId), marker.EventId, now, marker.Redrives + 1),
                new ETag(marker.Version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
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

    /// <summary>
    /// A record without a pending event is one entity; a queued event's record is written with its outbox marker in
    /// one transaction, so neither exists without the other.
    /// </summary>
    private async Task WriteAsync(TableEntity entity, TableTransactionActionType type, ETag etag, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        if (record.PendingEvent is null)
        {
            _ = type == TableTransactionActionType.Add
                ? await Table.AddEntityAsync(entity, cancellationToken)
                : await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(type, entity, etag),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Marker(entity.PartitionKey, record.EventId, record.ProcessedAt, 0)),
        ], cancellationToken);
    }

    private static TableEntity Marker(string partition, EventId eventId, DateTimeOffset queuedAt, int redrives) =>
        new(partition, MarkerRowKey(eventId)) { [QueuedAtColumn] = queuedAt, [RedrivesColumn] = redrives };

    /// <summary>'~' cannot start an event id, so markers never meet records and sort after them.</summary>
    private static string MarkerRowKey(EventId eventId) => MarkerPrefix + eventId.Value;

    /// <summary>The record's ETag as read; a record built rather than read must not overwrite a stored one.</summary>
    private static ETag Concurrency(IdempotencyRecord record) =>
        record.Version is null ? throw new ArgumentException("Only a record read from the store can be changed conditionally.", nameof(record)) : new ETag(record.Version);

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
        ApplyingSince = entity.GetDateTimeOffset(ApplyingSinceColumn),
        PendingEvent = await protector.UnprotectAsync(tenant, EventContext(tenant, entity.PartitionKey, eventId), entity.GetString(EventColumn), cancellationToken),
        FromSite = entity.GetBoolean("FromSite") ?? false,
        Reusable = entity.GetBoolean("Reusable") ?? false,
    };

    private static FieldContext EventContext(Tenant tenant, string partition, EventId eventId) =>
        new(tenant.Code.Value, TableNames.IngestionEvents, partition, eventId.Value, EventColumn);
}
