using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Vaccination.Application.Ingestion.Import;

namespace Vaccination.Api.Http;

/// <summary>
/// Writes an import's report as it runs, one JSON object per line (application/x-ndjson): {"kind":"progress",...}
/// after each chunk, {"kind":"error",...} for each refused line, and {"kind":"summary",...} at the end.
/// </summary>
public sealed class NdjsonImportReport(HttpResponse response) : IImportReport, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly SemaphoreSlim _write = new(1, 1);

    public ValueTask ProgressAsync(ImportProgress progress, CancellationToken cancellationToken) =>
        WriteAsync(new { kind = "progress", progress.RowsRead, progress.RowsImported, progress.RowsFailed, progress.DosesWritten, progress.Flags, elapsedSeconds = progress.Elapsed.TotalSeconds }, flush: true, cancellationToken);

    public ValueTask RowFailedAsync(ImportRowError error, CancellationToken cancellationToken) =>
        WriteAsync(new { kind = "error", error.Line, error.SubjectId, error.Code, error.Field, error.Message }, flush: false, cancellationToken);

    public ValueTask SummaryAsync(ImportProgress summary, CancellationToken cancellationToken) =>
        WriteAsync(new { kind = "summary", summary.RowsRead, summary.RowsImported, summary.RowsFailed, summary.DosesWritten, summary.Flags, elapsedSeconds = summary.Elapsed.TotalSeconds }, flush: true, cancellationToken);

    public void Dispose() => _write.Dispose();

    private async ValueTask WriteAsync(object line, bool flush, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            await JsonSerializer.SerializeAsync(response.Body, line, JsonBody.Options, cancellationToken);
            await response.Body.WriteAsync(NewLine, cancellationToken);
            if (flush)
            {
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            _write.Release();
        }
    }
}
