namespace Vaccination.Application.Ingestion;

/// <summary>A dose in "dose.recorded" and "dose.corrected" events (D6-D12).</summary>
/// <param name="Manufacturer">A manufacturer of the code list (e.g. "Pfizer" or "ファイザー").</param>
/// <param name="Product">A product of that manufacturer (e.g. "Comirnaty"); the manufacturer's default when omitted.</param>
/// <param name="VaccineType">Optional; when sent it must match the product's type.</param>
/// <param name="AdministeredBy">The municipality code of the place of vaccination (接種自治体コード); the tenant when omitted.</param>
/// <param name="PreviousDoseMissingReason">
/// Why dose n-1 is not on record, when it is not: administered_abroad, administered_before_move_in,
/// record_pending or other. Without it, dose n needs dose n-1.
/// </param>
public sealed record DosePayload(
    int? DoseNumber,
    DateOnly? Date,
    string? Manufacturer,
    string? Product,
    string? VaccineType,
    string? LotNumber,
    string? SiteName,
    string? PhysicianName,
    string? AdministeredBy,
    string? PreviousDoseMissingReason);
