using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Retention;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Retention;

/// <summary>
/// Walks one tenant's subject partitions a page at a time and records the expired persons as items of the run's
/// proposal. After each page it moves a checkpoint (partition, continuation token) with an ETag condition, so a
/// crashed sweep resumes where it stopped and a second worker on the same run stops as soon as it falls behind.
/// Items are upserted by internal number, so a page processed twice still counts each person once.
/// </summary>
internal sealed class RetentionScanner(StorageTables tables, int pageSize)
{
    private TableClient Checkpoints => tables.Get(TableNames.SweepCheckpoints);

    public async Task<ScanResult> ScanAsync(Tenant tenant, string runId, DateOnly today, int? maxPages, CancellationToken cancellationToken)
    {
        var checkpoint = await LoadCheckpointAsync(tenant, runId, cancellationToken);
        var partitions = PartitionKeys.AllForTenant(tenant).ToList();
        var pages = 0;
        (int Index, Dictionary<string, DateOnly> Dates)? lastDosesOfPartition = null;
        while (!checkpoint.GetBoolean("Completed").GetValueOrDefault())
        {
            if (maxPages is { } limit && pages >= limit)
            {
                return new ScanResult(pages, false, await CountItemsAsync(tenant, runId, cancellationToken));
            }

            var partitionIndex = checkpoint.GetInt32("Partition")!.Value;
            var partition = partitions[partitionIndex];
            if (lastDosesOfPartition?.Index != partitionIndex)
            {
                lastDosesOfPartition = (partitionIndex, await LastDoseDatesAsync(partition, cancellationToken));
            }

            var lastDoses = lastDosesOfPartition.Value.Dates;
            var page = await ReadPageAsync(partition, checkpoint.GetString("Token"), cancellationToken);
            var expired = page.Values.Where(row => IsExpired(tenant, today, row, lastDoses)).Select(row => row.RowKey).ToList();
            await UpsertItemsAsync(partition, runId, expired, cancellationToken);
            pages++;

            var next = page.ContinuationToken;
            checkpoint["Token"] = next;
            checkpoint["Partition"] = next is null ? partitionIndex + 1 : partitionIndex;
            checkpoint["Completed"] = next is null && partitionIndex + 1 == partitions.Count;
            try
            {
                var updated = await Checkpoints.UpdateEntityAsync(checkpoint, checkpoint.ETag, TableUpdateMode.Replace, cancellationToken);
                checkpoint.ETag = updated.Headers.ETag!.Value;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another worker advanced this run; it will finish it.
                return new ScanResult(pages, false, await CountItemsAsync(tenant, runId, cancellationToken));
            }
        }

        return new ScanResult(pages, true, await CountItemsAsync(tenant, runId, cancellationToken));
    }

    public async Task<int> CountItemsAsync(Tenant tenant, string runId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForProposalItems(partition, runId)}");
            await foreach (var _ in tables.Get(TableNames.ErasureProposalItems).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    internal static bool IsExpired(Tenant tenant, DateOnly today, TableEntity subject, IReadOnlyDictionary<string, DateOnly> lastDoses) =>
        RetentionPolicy.IsExpired(
            tenant,
            today,
            lastDoses.TryGetValue(subject.RowKey, out var lastDose) ? lastDose : null,
            ParseDate(subject.GetString("MovedOutOn")),
            ParseDate(subject.GetString("DeceasedOn")));

    /// <summary>The latest dose date of every subject in one partition (dates are stored in clear for this).</summary>
    internal async Task<Dictionary<string, DateOnly>> LastDoseDatesAsync(string partition, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var dose in tables.Get(TableNames.Doses).QueryAsync<TableEntity>(filter, select: ["SubjectId", "Date"], cancellationToken: cancellationToken))
        {
            var date = DateOnly.Parse(dose.GetString("Date"), CultureInfo.InvariantCulture);
            var subject = dose.GetString("SubjectId");
            if (!latest.TryGetValue(subject, out var known) || date > known)
            {
                latest[subject] = date;
            }
        }

        return latest;
    }

    private static DateOnly? ParseDate(string? value) => value is null ? null : DateOnly.Parse(value, CultureInfo.InvariantCulture);

    private async Task<Page<TableEntity>> ReadPageAsync(string partition, string? token, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var pages = tables.Get(TableNames.Subjects)
            .QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["RowKey", "MovedOutOn", "DeceasedOn"], cancellationToken: cancellationToken)
            .AsPages(token, pageSize);
        await foreach (var page in pages)
        {
            return page;
        }

        return Page<TableEntity>.FromValues([], null, null!);
    }

    private async Task UpsertItemsAsync(string partition, string runId, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        var items = tables.Get(TableNames.ErasureProposalItems);
        foreach (var chunk in subjectIds.Chunk(TableBatch.MaxSize))
        {
            await items.SubmitTransactionAsync(
                chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(PartitionKeys.ForProposalItems(partition, runId), id))),
                cancellationToken);
        }
    }

    private async Task<TableEntity> LoadCheckpointAsync(Tenant tenant, string runId, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForTenant(tenant);
        try
        {
            await Checkpoints.AddEntityAsync(new TableEntity(partition, runId) { ["Partition"] = 0, ["Completed"] = false }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The run was started before (a retry, a crash, or a concurrent worker): resume from its checkpoint.
        }

        return (await Checkpoints.GetEntityAsync<TableEntity>(partition, runId, cancellationToken: cancellationToken)).Value;
    }
}
