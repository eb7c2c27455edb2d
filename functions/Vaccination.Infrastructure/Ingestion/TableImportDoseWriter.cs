using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Packs whole import lines (one person's doses, which share the subject's partition) into entity-group transactions
/// of at most 100 rows of one partition, and writes them in parallel through the subject store (encrypted under each
/// person's key). A transaction that fails is retried line by line, so only the line at fault is refused and no line is
/// ever half-applied.
/// </summary>
public sealed class TableImportDoseWriter(ISubjectStore subjects) : IImportDoseWriter
{
    private const int Parallelism = 8;

    public async Task<IReadOnlyList<int>> WriteAsync(Tenant tenant, IReadOnlyList<IReadOnlyList<DoseRecord>> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var batches = Pack(tenant, lines);
        var retry = new List<int>();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                if (!await TrySaveAsync(tenant, batch.SelectMany(i => lines[i]).ToList(), ct))
                {
                    lock (retry)
                    {
                        retry.AddRange(batch);
                    }
                }
            });

        var failed = new List<int>();
        foreach (var index in retry.Order())
        {
            if (!await TrySaveAsync(tenant, lines[index], cancellationToken))
            {
                failed.Add(index);
            }
        }

        return failed;
    }

    private static List<List<int>> Pack(Tenant tenant, IReadOnlyList<IReadOnlyList<DoseRecord>> lines)
    {
        var batches = new List<List<int>>();
        var indexes = Enumerable.Range(0, lines.Count).Where(i => lines[i].Count is > 0 and <= TableBatch.MaxSize);
        foreach (var partition in indexes.GroupBy(i => PartitionKeys.ForSubject(tenant, lines[i][0].SubjectId)))
        {
            var batch = new List<int>();
            var size = 0;
            foreach (var index in partition)
            {
                if (size + lines[index].Count > TableBatch.MaxSize)
                {
                    batches.Add(batch);
                    (batch, size) = ([], 0);
                }

                batch.Add(index);
                size += lines[index].Count;
            }

            batches.Add(batch);
        }

        batches.AddRange(Enumerable.Range(0, lines.Count).Where(i => lines[i].Count > TableBatch.MaxSize).Select(i => new List<int> { i }));
        return batches;
    }

    private async Task<bool> TrySaveAsync(Tenant tenant, IReadOnlyList<DoseRecord> doses, CancellationToken cancellationToken)
    {
        if (doses.Count is 0 or > TableBatch.MaxSize)
        {
            return doses.Count == 0;
        }

        try
        {
            return (await subjects.SaveDosesAsync(tenant, doses, cancellationToken)).Count == 0;
        }
        catch (TableTransactionFailedException)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status is 400 or 409 or 413)
        {
            return false;
        }
    }
}
