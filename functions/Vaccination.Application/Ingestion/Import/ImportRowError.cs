namespace Vaccination.Application.Ingestion.Import;

/// <summary>Why one line of an import was not applied: line number, subject (internal number, when readable), code, field, message.</summary>
public sealed record ImportRowError(int Line, string? SubjectId, string Code, string? Field, string Message);
