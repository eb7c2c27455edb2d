using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Finds the subject a ticket number was issued to, inside one tenant, through a blind index of the ticket number.
/// The answer is a candidate: the caller confirms that the subject still lists the ticket.
/// </summary>
public interface ITicketDirectory
{
    Task<SubjectId?> FindSubjectAsync(Tenant tenant, TicketNumber ticket, CancellationToken cancellationToken = default);
}
