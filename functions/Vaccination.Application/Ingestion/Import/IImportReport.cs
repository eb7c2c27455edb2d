namespace Vaccination.Application.Ingestion.Import;

/// <summary>Where an import reports while it runs: progress after each chunk, and each refused line as it is found.</summary>
public interface IImportReport
{
    ValueTask ProgressAsync(ImportProgress progress, CancellationToken cancellationToken);

    ValueTask RowFailedAsync(ImportRowError error, CancellationToken cancellationToken);
}
