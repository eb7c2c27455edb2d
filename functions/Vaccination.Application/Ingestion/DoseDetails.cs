using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Ingestion;

/// <summary>A validated dose from an event or an import row, before it is attached to a subject.</summary>
public sealed record DoseDetails(
    DoseNumber Number,
    DateOnly Date,
    VaccineManufacturer Manufacturer,
    VaccineProduct Product,
    LotNumber Lot,
    string SiteName,
    string? PhysicianName,
    MunicipalityCode AdministeredBy,
    string? PreviousDoseMissingReason)
{
    public DoseRecord ToRecord(SubjectId subjectId, TicketNumber? ticket, DateTimeOffset recordedAt) => new(
        subjectId, Number, Date, Manufacturer.Name, Product.Name, Product.VaccineType, Lot.Value, SiteName, PhysicianName,
        ticket, AdministeredBy, recordedAt);

    /// <summary>Whether a stored dose already says what this one says (a repeated delivery after a crash).</summary>
    public bool SameAs(DoseRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Number == Number && stored.Date == Date && stored.Product == Product.Name && stored.LotNumber == Lot.Value
            && stored.SiteName == SiteName && stored.PhysicianName == PhysicianName && stored.AdministeredBy == AdministeredBy;
    }
}
