using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>One dose block of an export line: the validated dose, its ticket and when VRS registered it.</summary>
public sealed record ImportedDose(DoseDetails Dose, TicketNumber Ticket, DateTimeOffset RegisteredAt);
