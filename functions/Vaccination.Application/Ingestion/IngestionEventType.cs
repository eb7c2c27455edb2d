namespace Vaccination.Application.Ingestion;

/// <summary>The kinds of VRS webhook event; wire names in <see cref="IngestionEventTypes"/>.</summary>
public enum IngestionEventType
{
    SubjectRegistered,
    SubjectUpdated,
    TicketIssued,
    TicketReissued,
    DoseRecorded,
    DoseCorrected,
    DoseCancelled,
    MovedOut,
    Deceased,
    ResidentChanged,
}
