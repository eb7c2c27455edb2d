namespace Vaccination.Application.Ingestion.Import;

/// <summary>Streams the lines of a VRS CSV export (header included) with bounded memory.</summary>
public interface IVrsExportReader
{
    IAsyncEnumerable<VrsExportRow> ReadAsync(TextReader csv, CancellationToken cancellationToken = default);
}
