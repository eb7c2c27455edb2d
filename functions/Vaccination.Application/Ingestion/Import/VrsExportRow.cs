namespace Vaccination.Application.Ingestion.Import;

/// <summary>One line of a VRS CSV export as read: its line number and its fields, unescaped and trimmed, not yet interpreted.</summary>
public sealed record VrsExportRow(int LineNumber, IReadOnlyList<string> Fields);
