namespace Vaccination.Application.Exchange;

/// <summary>One dose as provided by the former municipality (D6-D12): what the new municipality needs, no ticket number.</summary>
public sealed record ExchangedDose(
    int DoseNumber,
    DateOnly Date,
    string Manufacturer,
    string Product,
    string VaccineType,
    string LotNumber,
    string SiteName,
    string? PhysicianName,
    string AdministeredBy);
