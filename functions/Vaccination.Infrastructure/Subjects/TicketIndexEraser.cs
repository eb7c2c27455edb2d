using Vaccination.Application.Retention;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// Removes erased persons' ticket-index rows. They are keyed by a blind index of the ticket number, which only the
/// person's encrypted record holds, so this runs before the person keys are destroyed (<see cref="NeedsPersonKeys"/>).
/// A person whose key an interrupted run already destroyed cannot be read any more; such rows stay as stale claims,
/// which the next subject claiming the ticket takes over.
/// </summary>
public sealed class TicketIndexEraser(ISubjectStore subjects, TicketIndex index) : IPersonDataEraser
{
    public bool NeedsPersonKeys => true;

    public async Task<int> EraseAsync(Tenant tenant, IReadOnlyCollection<SubjectId> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var released = 0;
        foreach (var subjectId in subjectIds)
        {
            if (await subjects.GetAsync(tenant, subjectId, cancellationToken) is { } subject)
            {
                released += await index.ReleaseAsync(tenant, subjectId, subject.Tickets, cancellationToken);
            }
        }

        return released;
    }
}
