namespace Vaccination.Application.DataQuality;

/// <summary>A data-quality flag as staff see it; ids and codes only, no personal data.</summary>
public sealed record DataQualityFlagView(
    string SubjectId,
    string FlagId,
    string Code,
    string Severity,
    int? DoseNumber,
    string Detail,
    string? EventId,
    DateTimeOffset DetectedAt,
    bool Resolved,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);
