using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Retention;

/// <summary>
/// Executes an approved proposal partition by partition: re-checks that each person is still expired, destroys their
/// person keys first (from then on every copy of their data is unreadable), then deletes their dose and subject rows
/// and other features' rows, and marks each item done. Running it again skips what is done.
/// </summary>
internal sealed class ErasureExecutor(StorageTables tables, PersonKeyStore personKeys, IEnumerable<IPersonDataEraser> erasers)
{
    private const string ErasedProperty = "Erased";
    private const string StageProperty = "Stage";
    private const string ErasingStage = "erasing";
    private static readonly string[] SubjectColumns =
        ["PartitionKey", "RowKey", "MovedOutOn", "DeceasedOn", PersonKeyStore.PointerProperty, PersonKeyStore.KeyIdProperty];

    /// <summary>The outcome, or null when another worker is executing the same proposal (it will finish it).</summary>
    public async Task<ErasureOutcome?> EraseAsync(Tenant tenant, string proposalId, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            if (!await ErasePartitionAsync(tenant, partition, proposalId, today, cancellationToken))
            {
                return null;
            }
        }

        return await SummarizeAsync(tenant, proposalId, cancellationToken);
    }

    /// <summary>Erases one partition's pending persons; false when another worker claimed them first.</summary>
    private async Task<bool> ErasePartitionAsync(Tenant tenant, string partition, string proposalId, DateOnly today, CancellationToken cancellationToken)
    {
        var itemPartition = PartitionKeys.ForProposalItems(partition, proposalId);
        var pending = (await QueryAsync(TableNames.ErasureProposalItems, itemPartition, null, cancellationToken))
            .Where(item => item.GetBoolean(ErasedProperty) is null)
            .ToDictionary(item => item.RowKey, StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return true;
        }

        var lastDoses = await new RetentionScanner(tables, TableBatch.MaxSize).LastDoseDatesAsync(partition, cancellationToken);
        var subjects = (await QueryAsync(TableNames.Subjects, partition, SubjectColumns, cancellationToken))
            .Where(row => pending.ContainsKey(row.RowKey))
            .ToDictionary(row => row.RowKey, StringComparer.Ordinal);
        var expired = subjects.Values.Where(row => RetentionScanner.IsExpired(tenant, today, row, lastDoses)).ToList();
        var expiredIds = expired.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        var doses = (await QueryAsync(TableNames.Doses, partition, ["PartitionKey", "RowKey", "SubjectId"], cancellationToken))
            .Where(dose => expiredIds.Contains(dose.GetString("SubjectId")))
            .ToList();

        // Record what is about to go (key id, row count) before anything goes, so a crash cannot lose it. The marks are
        // conditional on the items as read: if another worker marked them first, it owns this partition and we leave it.
        var dosesPerPerson = doses.GroupBy(d => d.GetString("SubjectId")).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var marks = expired.Where(row => pending[row.RowKey].GetString(StageProperty) != ErasingStage).Select(row => new TableEntity(itemPartition, row.RowKey)
        {
            [StageProperty] = ErasingStage,
            ["KeyId"] = row.GetString(PersonKeyStore.KeyIdProperty),
            ["Rows"] = 2 + dosesPerPerson.GetValueOrDefault(row.RowKey),
            ETag = pending[row.RowKey].ETag,
        });
        if (!await TryClaimAsync(marks, cancellationToken))
        {
            return false;
        }

        var otherRows = await EraseOtherFeaturesRowsAsync(tenant, expired, erasers.Where(e => e.NeedsPersonKeys), cancellationToken);
        await ShredKeysAsync(tenant, expired, cancellationToken);
        await DeleteAllAsync(tables.Get(TableNames.Doses), doses, cancellationToken);
        await DeleteAllAsync(tables.Get(TableNames.Subjects), expired, cancellationToken);
        otherRows += await EraseOtherFeaturesRowsAsync(tenant, expired, erasers.Where(e => !e.NeedsPersonKeys), cancellationToken);
        if (otherRows > 0)
        {
            await MarkAsync(itemPartition, [new TableEntity(itemPartition, expired[0].RowKey) { ["OtherRows"] = otherRows }], cancellationToken);
        }

        // Erased: those just erased, and those an interrupted run had already removed. Kept: no longer expired or gone otherwise.
        var erased = expiredIds
            .Concat(pending.Values.Where(item => item.GetString(StageProperty) == ErasingStage && !subjects.ContainsKey(item.RowKey)).Select(item => item.RowKey))
            .ToHashSet(StringComparer.Ordinal);
        await MarkAsync(itemPartition, pending.Keys.Select(id => new TableEntity(itemPartition, id) { [ErasedProperty] = erased.Contains(id) }), cancellationToken);
        return true;
    }

    private async Task ShredKeysAsync(Tenant tenant, List<TableEntity> subjects, CancellationToken cancellationToken)
    {
        var keyRows = subjects
            .Select(row => row.GetString(PersonKeyStore.PointerProperty))
            .OfType<string>()
            .Select(keyRow => new TableEntity(PartitionKeys.ForIndex(tenant, keyRow), keyRow));
        await DeleteAllAsync(tables.Get(TableNames.PersonKeys), keyRows, cancellationToken);
        foreach (var row in subjects)
        {
            personKeys.Forget(tenant, SubjectId.TryCreate(row.RowKey).Value);
        }
    }

    /// <summary>Other features' rows about the persons; returns how many went (recorded on the partition's first erased item).</summary>
    private static async Task<int> EraseOtherFeaturesRowsAsync(
        Tenant tenant, List<TableEntity> subjects, IEnumerable<IPersonDataEraser> featureErasers, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return 0;
        }

        var ids = subjects.Select(row => SubjectId.TryCreate(row.RowKey).Value).ToList();
        var rows = 0;
        foreach (var eraser in featureErasers)
        {
            rows += await eraser.EraseAsync(tenant, ids, cancellationToken);
        }

        return rows;
    }

    /// <summary>Merges the marks only where the items are unchanged since read; false when another worker got there first.</summary>
    private async Task<bool> TryClaimAsync(IEnumerable<TableEntity> marks, CancellationToken cancellationToken)
    {
        try
        {
            var items = tables.Get(TableNames.ErasureProposalItems);
            foreach (var batch in marks.Chunk(TableBatch.MaxSize))
            {
                await items.SubmitTransactionAsync(batch.Select(mark => new TableTransactionAction(TableTransactionActionType.UpdateMerge, mark, mark.ETag)), cancellationToken);
            }

            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private Task MarkAsync(string itemPartition, IEnumerable<TableEntity> marks, CancellationToken cancellationToken) =>
        SubmitAsync(tables.Get(TableNames.ErasureProposalItems), marks, TableTransactionActionType.UpsertMerge, cancellationToken);

    private async Task<ErasureOutcome> SummarizeAsync(Tenant tenant, string proposalId, CancellationToken cancellationToken)
    {
        var erased = new List<string>();
        var keyIds = new List<string>();
        var rows = 0;
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            foreach (var item in await QueryAsync(TableNames.ErasureProposalItems, PartitionKeys.ForProposalItems(partition, proposalId), null, cancellationToken))
            {
                if (item.GetBoolean(ErasedProperty) == true)
                {
                    erased.Add(item.RowKey);
                    rows += (item.GetInt32("Rows") ?? 0) + (item.GetInt32("OtherRows") ?? 0);
                    if (item.GetString("KeyId") is { } keyId)
                    {
                        keyIds.Add(keyId);
                    }
                }
            }
        }

        return new ErasureOutcome(erased.Count, rows, erased, keyIds.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<List<TableEntity>> QueryAsync(string table, string partition, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Batch deletes by partition; a batch that meets an already deleted row is redone row by row.</summary>
    private static async Task DeleteAllAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)))
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var row in batch)
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
            }
        }
    }

    private static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> rows, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(action, r)), cancellationToken);
        }
    }
}
