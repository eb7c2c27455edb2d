using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// A validated event: every value checked and typed; only the members its <see cref="Type"/> uses are set.
/// The person is named by <see cref="SubjectId"/> or, for doses from vaccination sites, by <see cref="Ticket"/>.
/// </summary>
public sealed record IngestionCommand(EventId EventId, IngestionEventType Type)
{
    public SubjectId? SubjectId { get; init; }

    public TicketNumber? Ticket { get; init; }

    /// <summary>The full subject of a registration or update (flags are kept from storage).</summary>
    public VaccinationSubject? Subject { get; init; }

    public TicketNumber? NewTicket { get; init; }

    public TicketNumber? ReplacedTicket { get; init; }

    public DoseDetails? Dose { get; init; }

    public DoseNumber? CancelledDose { get; init; }

    public DateOnly? MovedOutOn { get; init; }

    public MunicipalityCode? MovedTo { get; init; }

    public DateOnly? DeceasedOn { get; init; }

    public ResidentChange? Resident { get; init; }
}
