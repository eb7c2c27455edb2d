using System.Collections.Concurrent;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Reads the subjects of an import chunk by point reads (subject row, then the person-key row unless cached), 16 in
/// flight. Point reads stay cheap however large the tables grow; queries with many "RowKey eq" alternatives were tried
/// and scan the partition (in Azurite the whole table), so they got slower as the tenant filled up (docs/benchmarks.md).
/// </summary>
public sealed class TableImportSubjectReader(ISubjectStore subjects) : IImportSubjectReader
{
    private const int Parallelism = 16;

    public async Task<IReadOnlyDictionary<SubjectId, VaccinationSubject>> GetManyAsync(
        Tenant tenant, IReadOnlyCollection<SubjectId> ids, CancellationToken cancellationToken = default)
    {
        var found = new ConcurrentDictionary<SubjectId, VaccinationSubject>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await subjects.GetAsync(tenant, id, ct) is { } subject)
            {
                found[id] = subject;
            }
        });
        return found;
    }
}
