using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Vaccination.Application.Statistics;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Statistics;

/// <summary>
/// The statistics batch job's input: per subject partition, each person's birth date decrypted once (their key fetched
/// in parallel), then the partition's dose numbers and dates (kept in clear) joined to it. Only the birth date column
/// is read and decrypted; memory is bounded by one partition's birth dates.
/// </summary>
public sealed class TableDoseFactReader(StorageTables tables, PersonKeyStore personKeys) : IDoseFactReader
{
    private const int KeyReadParallelism = 16;
    private static readonly string[] SubjectColumns = ["RowKey", PersonKeyStore.PointerProperty, "BirthDate"];
    private static readonly string[] DoseColumns = ["SubjectId", "DoseNumber", "Date"];

    public async IAsyncEnumerable<DoseFact> ReadAsync(Tenant tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var birthDates = await BirthDatesAsync(tenant, partition, cancellationToken);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var dose in tables.Get(TableNames.Doses).QueryAsync<TableEntity>(filter, select: DoseColumns, cancellationToken: cancellationToken))
            {
                if (dose.GetString("SubjectId") is { } subject && birthDates.TryGetValue(subject, out var birthDate)
                    && dose.GetInt32("DoseNumber") is { } number && dose.GetString("Date") is { } date)
                {
                    yield return new DoseFact(birthDate, number, DateOnly.Parse(date, CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private async Task<ConcurrentDictionary<string, DateOnly>> BirthDatesAsync(Tenant tenant, string partition, CancellationToken cancellationToken)
    {
        var birthDates = new ConcurrentDictionary<string, DateOnly>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var rows = tables.Get(TableNames.Subjects).QueryAsync<TableEntity>(filter, select: SubjectColumns, cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = KeyReadParallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            var id = SubjectId.TryCreate(row.RowKey);
            if (!id.IsSuccess || row.GetString("BirthDate") is not { } stored
                || await personKeys.FindAsync(tenant, id.Value, row.GetString(PersonKeyStore.PointerProperty), ct) is not { } key)
            {
                return;
            }

            var protector = new PersonFieldProtector(key.Key, tenant.Code.Value, TableNames.Subjects, partition, row.RowKey);
            birthDates[row.RowKey] = DateOnly.Parse(protector.Unprotect("BirthDate", stored), CultureInfo.InvariantCulture);
        });
        return birthDates;
    }
}
