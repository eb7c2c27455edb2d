namespace Vaccination.Application.Subjects;

/// <summary>The body of a dose recorded (or corrected: the same number again) by municipal staff, as received (unvalidated).</summary>
/// <param name="PreviousDoseMissingReason">
/// Why dose n-1 is not on record, when it is not: administered_abroad, administered_before_move_in, record_pending or
/// other. Without it, dose n needs dose n-1.
/// </param>
public sealed record DoseRecordingRequest(
    int DoseNumber,
    DateOnly? Date,
    string? Manufacturer,
    string? Product,
    string? VaccineType,
    string? LotNumber,
    string? SiteName,
    string? PhysicianName,
    string? TicketNumber,
    string? PreviousDoseMissingReason = null);
