using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.DataQuality;

/// <summary>
/// Suspicious but possible data, stored as received and flagged for staff: a stable code (e.g. "dose.interval_short"),
/// its severity, the dose it concerns (null for the subject as a whole) and whether staff resolved it.
/// One flag per subject, code and dose: a later finding of the same kind replaces the earlier one.
/// </summary>
public sealed record DataQualityFlag(
    SubjectId SubjectId,
    string Code,
    DataQualitySeverity Severity,
    DoseNumber? Dose,
    string Detail,
    string? EventId,
    DateTimeOffset DetectedAt)
{
    public bool Resolved { get; init; }

    public string? ResolvedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The flag's id within its subject: "{code}@{dose:D3}" ("@000" when it concerns no dose).</summary>
    public string Id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Code}@{Dose?.Value ?? 0:D3}");
}
