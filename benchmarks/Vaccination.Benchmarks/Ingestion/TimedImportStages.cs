using System.Diagnostics;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Benchmarks.Ingestion;

/// <summary>Wraps the import's subject reader and dose writer to report how much of the run each stage took.</summary>
internal sealed class TimedImportStages(IImportSubjectReader reader, IImportDoseWriter writer) : IImportSubjectReader, IImportDoseWriter
{
    private long _readTicks;
    private long _writeTicks;

    public TimeSpan Reading => TimeSpan.FromTicks(Interlocked.Read(ref _readTicks));

    public TimeSpan Writing => TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks));

    public async Task<IReadOnlyDictionary<SubjectId, VaccinationSubject>> GetManyAsync(Tenant tenant, IReadOnlyCollection<SubjectId> ids, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await reader.GetManyAsync(tenant, ids, cancellationToken);
        Interlocked.Add(ref _readTicks, Stopwatch.GetElapsedTime(start).Ticks);
        return result;
    }

    public async Task<IReadOnlyList<int>> WriteAsync(Tenant tenant, IReadOnlyList<IReadOnlyList<DoseRecord>> lines, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await writer.WriteAsync(tenant, lines, cancellationToken);
        Interlocked.Add(ref _writeTicks, Stopwatch.GetElapsedTime(start).Ticks);
        return result;
    }
}
