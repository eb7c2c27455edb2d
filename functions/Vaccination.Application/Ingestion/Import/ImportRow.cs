using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>A line of the export, validated: the subject and its doses in order (dose 1, 2, ... without gaps).</summary>
public sealed record ImportRow(int Line, SubjectId SubjectId, IReadOnlyList<ImportedDose> Doses);
