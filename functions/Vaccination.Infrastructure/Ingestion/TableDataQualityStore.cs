using Azure;
using Azure.Data.Tables;
using Vaccination.Application.DataQuality;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Data-quality flags in the DataQualityFlags table, in the subject's partition, row key "{subjectId}_{code}@{dose:D3}".
/// They hold ids, codes and fixed texts only (no personal data), so nothing in them is encrypted.
/// </summary>
public sealed class TableDataQualityStore(StorageTables tables) : IDataQualityStore
{
    private TableClient Table => tables.Get(TableNames.DataQualityFlags);

    public async Task SaveAsync(Tenant tenant, IReadOnlyList<DataQualityFlag> flags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var entities = flags.Select(flag => ToEntity(tenant, flag)).DistinctBy(e => (e.PartitionKey, e.RowKey));
        foreach (var batch in entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)))
        {
            await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    public async Task AddMissingAsync(Tenant tenant, IReadOnlyList<DataQualityFlag> flags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flags);
        foreach (var entity in flags.Select(flag => ToEntity(tenant, flag)).DistinctBy(e => (e.PartitionKey, e.RowKey)))
        {
            try
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Stored already: its state (open or resolved by staff) stands.
            }
        }
    }

    public async Task ResolveForDoseAsync(Tenant tenant, SubjectId subjectId, DoseNumber dose, string resolvedBy, CancellationToken cancellationToken = default)
    {
        var open = new List<TableEntity>();
        var filter = SubjectRows.FilterForSubject(tenant, subjectId) + " and " + TableClient.CreateQueryFilter($"DoseNumber eq {dose.Value} and Resolved eq false");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            open.Add(row);
        }

        foreach (var row in open)
        {
            await MarkResolvedAsync(row, resolvedBy, cancellationToken);
        }
    }

    public async Task<DataQualityFlag?> ResolveAsync(Tenant tenant, SubjectId subjectId, string flagId, string resolvedBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(flagId) || flagId.Length > 100 || flagId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return null;
        }

        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForSubject(tenant, subjectId), RowKey(subjectId, flagId), cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            return null;
        }

        var row = stored.Value!;
        if (row.GetBoolean("Resolved") != true)
        {
            await MarkResolvedAsync(row, resolvedBy, cancellationToken);
        }

        return FromEntity(row);
    }

    public async Task<IReadOnlyList<DataQualityFlag>> ListAsync(Tenant tenant, bool includeResolved, int limit, CancellationToken cancellationToken = default)
    {
        var flags = new List<DataQualityFlag>();
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = includeResolved
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Resolved eq false");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                flags.Add(FromEntity(row));
                if (flags.Count >= limit)
                {
                    return flags;
                }
            }
        }

        return flags;
    }

    public async Task<bool> HasUnresolvedErrorsAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default)
    {
        var severity = nameof(DataQualitySeverity.Error);
        var filter = SubjectRows.FilterForSubject(tenant, subjectId) + " and " + TableClient.CreateQueryFilter($"Severity eq {severity} and Resolved eq false");
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    public async Task<IReadOnlyList<DataQualityFlag>> ListForSubjectAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default)
    {
        var flags = new List<DataQualityFlag>();
        await foreach (var row in Table.QueryAsync<TableEntity>(SubjectRows.FilterForSubject(tenant, subjectId), cancellationToken: cancellationToken))
        {
            flags.Add(FromEntity(row));
        }

        return flags;
    }

    private async Task MarkResolvedAsync(TableEntity row, string resolvedBy, CancellationToken cancellationToken)
    {
        row["Resolved"] = true;
        row["ResolvedBy"] = resolvedBy;
        row["ResolvedAt"] = DateTimeOffset.UtcNow;
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed concurrently (re-raised or resolved by someone else): the newer state stands.
        }
    }

    private static string RowKey(SubjectId subjectId, string flagId) => subjectId.Value + "_" + flagId;

    private static TableEntity ToEntity(Tenant tenant, DataQualityFlag flag) => new(PartitionKeys.ForSubject(tenant, flag.SubjectId), RowKey(flag.SubjectId, flag.Id))
    {
        ["SubjectId"] = flag.SubjectId.Value,
        ["Code"] = flag.Code,
        ["Severity"] = flag.Severity.ToString(),
        ["DoseNumber"] = flag.Dose?.Value ?? 0,
        ["Detail"] = flag.Detail,
        ["EventId"] = flag.EventId,
        ["DetectedAt"] = flag.DetectedAt,
        ["Resolved"] = flag.Resolved,
        ["ResolvedBy"] = flag.ResolvedBy,
        ["ResolvedAt"] = flag.ResolvedAt,
    };

    private static DataQualityFlag FromEntity(TableEntity row)
    {
        var dose = row.GetInt32("DoseNumber") ?? 0;
        return new DataQualityFlag(
            SubjectId.TryCreate(row.GetString("SubjectId")).Value,
            row.GetString("Code"),
            Enum.Parse<DataQualitySeverity>(row.GetString("Severity")),
            dose == 0 ? null : DoseNumber.TryCreate(dose).Value,
            row.GetString("Detail"),
            row.GetString("EventId"),
            row.GetDateTimeOffset("DetectedAt")!.Value)
        {
            Resolved = row.GetBoolean("Resolved") ?? false,
            ResolvedBy = row.GetString("ResolvedBy"),
            ResolvedAt = row.GetDateTimeOffset("ResolvedAt"),
        };
    }
}
