using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Statistics;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Statistics;

/// <summary>
/// Dose statistics on Azure Tables. Each refresh writes a new generation of cells in its own partition
/// ("{code}-g{generation}", rows "{yyyyMMdd}|{dose:D3}|{band}", so a date range is a row-key range), then moves the
/// tenant's pointer row to it and deletes the previous generation: readers see one whole computation or the other.
/// </summary>
public sealed class TableDoseStatisticsStore(StorageTables tables) : IDoseStatisticsStore
{
    private const string PointerRow = "current";

    private TableClient Table => tables.Get(TableNames.DoseStatistics);

    public async Task ReplaceAsync(Tenant tenant, IReadOnlyList<DoseCount> counts, DateTimeOffset computedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(counts);
        var pointer = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForStatistics(tenant), PointerRow, cancellationToken: cancellationToken);
        var previous = pointer.HasValue ? pointer.Value!.GetString("Generation") : null;
        var generation = computedAt.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var partition = PartitionKeys.ForStatisticsGeneration(tenant, generation);
        foreach (var batch in counts.Chunk(TableBatch.MaxSize))
        {
            await Table.SubmitTransactionAsync(
                batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, RowKey(c.Date, c.DoseNumber, c.AgeBand))
                {
                    ["DoseNumber"] = c.DoseNumber,
                    ["Date"] = c.Date.ToString("O", CultureInfo.InvariantCulture),
                    ["AgeBand"] = c.AgeBand,
                    ["Count"] = c.Count,
                })),
                cancellationToken);
        }

        await Table.UpsertEntityAsync(
            new TableEntity(PartitionKeys.ForStatistics(tenant), PointerRow) { ["Generation"] = generation, ["ComputedAt"] = computedAt },
            TableUpdateMode.Replace,
            cancellationToken);
        if (previous is not null && previous != generation)
        {
            await DeleteGenerationAsync(PartitionKeys.ForStatisticsGeneration(tenant, previous), cancellationToken);
        }
    }

    public async Task<StoredStatistics> ReadAsync(Tenant tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var pointer = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForStatistics(tenant), PointerRow, cancellationToken: cancellationToken);
        if (!pointer.HasValue)
        {
            return new StoredStatistics(null, []);
        }

        var partition = PartitionKeys.ForStatisticsGeneration(tenant, pointer.Value!.GetString("Generation"));
        var low = Day(from);
        var high = Day(to.AddDays(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
        var counts = new List<DoseCount>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            counts.Add(new DoseCount(
                row.GetInt32("DoseNumber") ?? 0, DateOnly.Parse(row.GetString("Date"), CultureInfo.InvariantCulture), row.GetString("AgeBand"), row.GetInt32("Count") ?? 0));
        }

        return new StoredStatistics(pointer.Value!.GetDateTimeOffset("ComputedAt"), counts);
    }

    private async Task DeleteGenerationAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var batch in keys.Chunk(TableBatch.MaxSize))
        {
            await Table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)), cancellationToken);
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string RowKey(DateOnly date, int dose, string band) =>
        string.Create(CultureInfo.InvariantCulture, $"{Day(date)}|{dose:D3}|{band}");
}
