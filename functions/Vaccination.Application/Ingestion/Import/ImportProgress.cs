namespace Vaccination.Application.Ingestion.Import;

/// <summary>How far an import has come: lines read, lines applied, lines refused, doses written, data-quality flags raised.</summary>
public sealed record ImportProgress(long RowsRead, long RowsImported, long RowsFailed, long DosesWritten, long Flags, TimeSpan Elapsed);
