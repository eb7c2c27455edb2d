using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Export;

/// <summary>
/// One dose in the VRS ledger layout (接種記録): the person's internal number, when the record was registered, the
/// vaccination date, ticket, administering municipality, site, physician, manufacturer and lot. There is no My Number
/// field, so an export cannot carry one (S7).
/// </summary>
public sealed record LedgerRow(
    SubjectId SubjectId,
    DateTimeOffset RecordedAt,
    DateOnly Date,
    TicketNumber? Ticket,
    MunicipalityCode AdministeredBy,
    string SiteName,
    string? PhysicianName,
    string Manufacturer,
    string LotNumber);
