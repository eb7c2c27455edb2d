using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Vaccination.Application.Export;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.Infrastructure.Export;

/// <summary>
/// Reads a tenant's doses for the ledger export, one subject partition at a time. For each partition it first reads
/// the subjects' key pointers only (never a personal column, so never a My Number), then streams the dose rows in
/// blocks, fetching the persons' keys of each block in parallel. Memory is bounded by one partition's pointers and
/// one block of rows, whatever the tenant's size.
/// </summary>
public sealed class TableLedgerReader(StorageTables tables, PersonKeyStore personKeys) : ILedgerReader
{
    private const int BlockSize = 1000;
    private const int KeyReadParallelism = 16;
    private static readonly string[] PointerColumns = ["RowKey", PersonKeyStore.PointerProperty];

    private TableClient Subjects => tables.Get(TableNames.Subjects);

    private TableClient Doses => tables.Get(TableNames.Doses);

    public async IAsyncEnumerable<LedgerRow> ReadAsync(Tenant tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var pointers = await ReadPointersAsync(partition, cancellationToken);
            var block = new List<TableEntity>(BlockSize);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in Doses.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                block.Add(row);
                if (block.Count == BlockSize)
                {
                    foreach (var ledgerRow in await DecryptAsync(tenant, block, pointers, cancellationToken))
                    {
                        yield return ledgerRow;
                    }

                    block.Clear();
                }
            }

            foreach (var ledgerRow in await DecryptAsync(tenant, block, pointers, cancellationToken))
            {
                yield return ledgerRow;
            }
        }
    }

    private async Task<Dictionary<string, string?>> ReadPointersAsync(string partition, CancellationToken cancellationToken)
    {
        var pointers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in Subjects.QueryAsync<TableEntity>(filter, select: PointerColumns, cancellationToken: cancellationToken))
        {
            pointers[row.RowKey] = row.GetString(PersonKeyStore.PointerProperty);
        }

        return pointers;
    }

    /// <summary>Decrypts one block; a dose whose person has no key (erased, or never stored) is left out.</summary>
    private async Task<List<LedgerRow>> DecryptAsync(
        Tenant tenant, List<TableEntity> block, Dictionary<string, string?> pointers, CancellationToken cancellationToken)
    {
        var keys = new ConcurrentDictionary<string, PersonKey?>(StringComparer.Ordinal);
        var subjects = block.Select(r => r.GetString("SubjectId")).Where(id => id is not null).Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            subjects,
            new ParallelOptions { MaxDegreeOfParallelism = KeyReadParallelism, CancellationToken = cancellationToken },
            async (subject, ct) =>
            {
                var id = SubjectId.TryCreate(subject);
                keys[subject!] = id.IsSuccess && pointers.TryGetValue(subject!, out var pointer)
                    ? await personKeys.FindAsync(tenant, id.Value, pointer, ct)
                    : null;
            });

        var rows = new List<LedgerRow>(block.Count);
        foreach (var entity in block)
        {
            if (keys.GetValueOrDefault(entity.GetString("SubjectId") ?? string.Empty) is { } key)
            {
                var dose = DoseEntities.FromEntity(tenant, entity, key.Key);
                rows.Add(new LedgerRow(
                    dose.SubjectId, dose.RecordedAt, dose.Date, dose.Ticket, dose.AdministeredBy, dose.SiteName, dose.PhysicianName, dose.Manufacturer, dose.LotNumber));
            }
        }

        return rows;
    }
}
