using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Subjects;

/// <summary>
/// One dose given to a subject (D6-D12). Lot, site and physician are stored encrypted with the subject's key.
/// </summary>
public sealed record DoseRecord(
    SubjectId SubjectId,
    DoseNumber Number,
    DateOnly Date,
    string Manufacturer,
    string Product,
    string VaccineType,
    string LotNumber,
    string SiteName,
    string? PhysicianName,
    TicketNumber? Ticket,
    MunicipalityCode AdministeredBy,
    DateTimeOffset RecordedAt)
{
    /// <summary>The municipality the record came from when it was provided by another one (F4); null when recorded here.</summary>
    public MunicipalityCode? SourceMunicipality { get; init; }
}
