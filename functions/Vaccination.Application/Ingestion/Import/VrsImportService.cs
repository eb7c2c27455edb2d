using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Vaccination.Application.Callers;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Tenants;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>
/// Bulk import of the VRS CSV export (existing records). Streams the file in chunks of <see cref="ChunkRows"/> lines,
/// so memory does not grow with the file. Each line is one person's doses: it is validated whole (fields, code list,
/// the stored subject, dose order, the confirmed-record lock) and then written in one transaction (a person's doses
/// share a partition, see <see cref="IImportDoseWriter"/>), so a line is applied completely or not at all, and a
/// refused line never stops the others.
/// Re-importing the same file writes the same rows again (idempotent). While one chunk is written the next is read and
/// checked, so storage reads and writes overlap.
/// </summary>
public sealed partial class VrsImportService(
    TenantAccess access,
    IVrsExportReader csvReader,
    IImportSubjectReader reader,
    IImportDoseWriter writer,
    IDataQualityStore dataQuality,
    WebhookEventValidator validator,
    TimeProvider clock,
    ILogger<VrsImportService> logger)
{
    public const int ChunkRows = 1000;
    private static readonly CallerRole[] Roles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    /// <summary>Who may import into which tenant; checked before the response starts.</summary>
    public Result<Tenant> Authorize(Caller caller, string municipalityCode) => access.Resolve(caller, municipalityCode, Roles);

    public async Task<ImportProgress> ImportAsync(Tenant tenant, TextReader csv, IImportReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(report);
        var watch = Stopwatch.StartNew();
        var totals = new Totals();
        var chunk = new List<VrsExportRow>(ChunkRows);
        var writing = Task.CompletedTask;
        var header = true;
        await foreach (var row in csvReader.ReadAsync(csv, cancellationToken))
        {
            if (header)
            {
                header = false;
                if (VrsExportFormat.CheckHeader(row.Fields) is { IsSuccess: false } refused)
                {
                    await ReportAsync(report, row.LineNumber, null, refused.Errors, totals, cancellationToken);
                    break;
                }

                continue;
            }

            totals.Read++;
            chunk.Add(row);
            if (chunk.Count == ChunkRows)
            {
                var prepared = await PrepareAsync(tenant, chunk, report, totals, cancellationToken);
                chunk.Clear();
                await writing;
                await report.ProgressAsync(totals.ToProgress(watch.Elapsed), cancellationToken);
                writing = CommitAsync(tenant, prepared, report, totals, cancellationToken);
            }
        }

        var last = await PrepareAsync(tenant, chunk, report, totals, cancellationToken);
        await writing;
        await CommitAsync(tenant, last, report, totals, cancellationToken);

        var summary = totals.ToProgress(watch.Elapsed);
        LogImported(logger, tenant.Code.Value, summary.RowsRead, summary.RowsImported, summary.RowsFailed, summary.DosesWritten);
        return summary;
    }

    /// <summary>Parses, reads and checks a chunk; the previous chunk is meanwhile being written (two chunks in memory at most).</summary>
    private async Task<(List<(ImportRow Row, List<DoseRecord> Doses)> Accepted, List<DataQualityFlag> Flags)> PrepareAsync(
        Tenant tenant, List<VrsExportRow> chunk, IImportReport report, Totals totals, CancellationToken cancellationToken)
    {
        var parsed = new List<ImportRow>(chunk.Count);
        foreach (var row in chunk)
        {
            var result = VrsExportFormat.Parse(row, tenant, validator);
            if (result.IsSuccess)
            {
                parsed.Add(result.Value);
            }
            else
            {
                await ReportAsync(report, row.LineNumber, row.Fields.Count > 0 ? row.Fields[0] : null, result.Errors, totals, cancellationToken);
            }
        }

        var stored = parsed.Count == 0
            ? new Dictionary<Domain.Identifiers.SubjectId, VaccinationSubject>()
            : await reader.GetManyAsync(tenant, parsed.Select(r => r.SubjectId).Distinct().ToList(), cancellationToken);

        var accepted = new List<(ImportRow Row, List<DoseRecord> Doses)>();
        var flags = new List<DataQualityFlag>();
        foreach (var row in parsed)
        {
            var checkedRow = Check(row, stored.GetValueOrDefault(row.SubjectId));
            if (checkedRow.IsSuccess)
            {
                accepted.Add((row, checkedRow.Value.Doses));
                flags.AddRange(checkedRow.Value.Flags);
            }
            else
            {
                await ReportAsync(report, row.Line, row.SubjectId.Value, checkedRow.Errors, totals, cancellationToken);
            }
        }

        return (accepted, flags);
    }

    private async Task CommitAsync(
        Tenant tenant, (List<(ImportRow Row, List<DoseRecord> Doses)> Accepted, List<DataQualityFlag> Flags) prepared, IImportReport report, Totals totals,
        CancellationToken cancellationToken)
    {
        await WriteAsync(tenant, prepared.Accepted, report, totals, cancellationToken);
        await dataQuality.SaveAsync(tenant, prepared.Flags, cancellationToken);
        totals.Flagged(prepared.Flags.Count);
    }

    private Result<(List<DoseRecord> Doses, List<DataQualityFlag> Flags)> Check(ImportRow row, VaccinationSubject? subject)
    {
        if (subject is null)
        {
            return Error.Validation("subject.unknown", "No subject of this municipality has this internal address number.", VrsExportFormat.SubjectColumn);
        }

        if (subject.Flags.Confirmed)
        {
            return Error.Conflict(EventApplier.ConfirmedCode, "Staff confirmed this subject's records; the line was not applied.");
        }

        var now = clock.GetUtcNow();
        var records = new List<DoseRecord>(row.Doses.Count);
        var flags = new List<DataQualityFlag>();
        foreach (var imported in row.Doses)
        {
            var checkedDose = DoseRules.Check(subject, records, imported.Dose, eventId: null, now, prefix: $"dose{imported.Dose.Number}.");
            if (!checkedDose.IsSuccess)
            {
                return Result<(List<DoseRecord>, List<DataQualityFlag>)>.Failure(checkedDose.Errors);
            }

            flags.AddRange(checkedDose.Value);
            records.Add(imported.Dose.ToRecord(subject.Id, imported.Ticket, imported.RegisteredAt));
        }

        return (records, flags);
    }

    private async Task WriteAsync(
        Tenant tenant, List<(ImportRow Row, List<DoseRecord> Doses)> accepted, IImportReport report, Totals totals, CancellationToken cancellationToken)
    {
        var failed = (await writer.WriteAsync(tenant, accepted.Select(a => (IReadOnlyList<DoseRecord>)a.Doses).ToList(), cancellationToken)).ToHashSet();
        for (var i = 0; i < accepted.Count; i++)
        {
            if (failed.Contains(i))
            {
                await ReportAsync(report, accepted[i].Row.Line, accepted[i].Row.SubjectId.Value,
                    [Error.Conflict("storage.refused", "The line could not be stored; nothing of it was applied.")], totals, cancellationToken);
            }
            else
            {
                totals.Imported(1, accepted[i].Doses.Count);
            }
        }
    }

    private static async Task ReportAsync(IImportReport report, int line, string? subjectId, IReadOnlyList<Error> errors, Totals totals, CancellationToken cancellationToken)
    {
        totals.Failed();
        var safeId = Domain.Identifiers.SubjectId.TryCreate(subjectId).IsSuccess ? subjectId : null;
        foreach (var error in errors)
        {
            await report.RowFailedAsync(new ImportRowError(line, safeId, error.Code, error.Field, error.Message), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS import for tenant {Tenant}: {Read} lines read, {Imported} imported, {Failed} refused, {Doses} doses written")]
    private static partial void LogImported(ILogger logger, string tenant, long read, long imported, long failed, long doses);

    /// <summary>Running counts, updated from parallel writers.</summary>
    private sealed class Totals
    {
        private long _imported;
        private long _failed;
        private long _doses;

        public long Read { get; set; }

        private long _flags;

        public void Flagged(int count) => Interlocked.Add(ref _flags, count);

        public void Imported(int rows, int doses)
        {
            Interlocked.Add(ref _imported, rows);
            Interlocked.Add(ref _doses, doses);
        }

        public void Failed() => Interlocked.Increment(ref _failed);

        public ImportProgress ToProgress(TimeSpan elapsed) =>
            new(Read, Interlocked.Read(ref _imported), Interlocked.Read(ref _failed), Interlocked.Read(ref _doses), Interlocked.Read(ref _flags), elapsed);
    }
}
