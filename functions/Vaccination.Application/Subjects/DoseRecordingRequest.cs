namespace Vaccination.Application.Subjects;

/// <summary>The body of a dose recorded by municipal staff, as received (unvalidated).</summary>
public sealed record DoseRecordingRequest(
    int DoseNumber,
    DateOnly? Date,
    string? Manufacturer,
    string? Product,
    string? VaccineType,
    string? LotNumber,
    string? SiteName,
    string? PhysicianName,
    string? TicketNumber);
