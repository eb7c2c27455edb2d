using System.Collections.Concurrent;
using Azure.Data.Tables;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Reads the subjects of an import chunk with few requests: per partition, one query for up to
/// <see cref="KeysPerQuery"/> row keys ("PartitionKey eq p and (RowKey eq a or ...)", within Azure's limit of 15
/// comparisons per filter), first for the subject rows, then for their person-key rows (unless cached). Point reads
/// would cost one request per row.
/// </summary>
public sealed class TableImportSubjectReader(StorageTables tables, PersonKeyStore personKeys) : IImportSubjectReader
{
    public const int KeysPerQuery = 14;
    private const int Parallelism = 8;

    public async Task<IReadOnlyDictionary<SubjectId, VaccinationSubject>> GetManyAsync(
        Tenant tenant, IReadOnlyCollection<SubjectId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rows = await QueryAsync(tables.Get(TableNames.Subjects), ids.Select(id => (PartitionKeys.ForSubject(tenant, id), id.Value)), cancellationToken);
        var keys = new ConcurrentDictionary<SubjectId, PersonKey>();
        var uncached = new List<(SubjectId Id, string KeyRow)>();
        foreach (var row in rows)
        {
            var id = SubjectId.TryCreate(row.RowKey).Value;
            if (personKeys.FindCached(tenant, id) is { } cached)
            {
                keys[id] = cached;
            }
            else if (row.GetString(PersonKeyStore.PointerProperty) is { } keyRow)
            {
                uncached.Add((id, keyRow));
            }
        }

        var keyRows = await QueryAsync(tables.Get(TableNames.PersonKeys), uncached.Select(u => (PartitionKeys.ForIndex(tenant, u.KeyRow), u.KeyRow)), cancellationToken);
        var owners = uncached.ToDictionary(u => u.KeyRow, u => u.Id, StringComparer.Ordinal);
        foreach (var keyRow in keyRows)
        {
            if (owners.TryGetValue(keyRow.RowKey, out var owner) && await personKeys.OpenAsync(tenant, owner, keyRow, cancellationToken) is { } key)
            {
                keys[owner] = key;
            }
        }

        return rows.Where(row => keys.ContainsKey(SubjectId.TryCreate(row.RowKey).Value))
            .Select(row => SubjectEntities.FromEntity(tenant, row, keys[SubjectId.TryCreate(row.RowKey).Value].Key))
            .ToDictionary(subject => subject.Id);
    }

    private static async Task<List<TableEntity>> QueryAsync(TableClient table, IEnumerable<(string Partition, string RowKey)> keys, CancellationToken cancellationToken)
    {
        var groups = keys.Distinct().GroupBy(k => k.Partition).SelectMany(g => g.Select(k => k.RowKey).Chunk(KeysPerQuery).Select(chunk => (g.Key, chunk))).ToList();
        var found = new ConcurrentBag<TableEntity>();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var rowKeys = string.Join(" or ", group.chunk.Select(rowKey => TableClient.CreateQueryFilter($"RowKey eq {rowKey}")));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group.Key}") + " and (" + rowKeys + ")";
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                found.Add(row);
            }
        });
        return [.. found];
    }
}
