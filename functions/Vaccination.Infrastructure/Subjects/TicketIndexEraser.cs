using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// Removes erased persons' ticket-index rows. They are keyed by a blind index of the ticket number, which only the
/// person's encrypted record holds, so this runs before the person keys are destroyed (<see cref="NeedsPersonKeys"/>).
/// A person whose key an interrupted run already destroyed cannot be looked up any more; such rows stay as stale claims,
/// which the next subject claiming the ticket takes over.
/// </summary>
public sealed class TicketIndexEraser(StorageTables tables, PersonKeyStore personKeys, TicketIndex index) : IPersonDataEraser
{
    public bool NeedsPersonKeys => true;

    public async Task<int> EraseAsync(Tenant tenant, IReadOnlyCollection<SubjectId> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var released = 0;
        foreach (var subjectId in subjectIds)
        {
            var key = await personKeys.FindForSubjectAsync(tenant, subjectId, cancellationToken);
            var row = await tables.Get(TableNames.Subjects).GetEntityIfExistsAsync<TableEntity>(
                PartitionKeys.ForSubject(tenant, subjectId), subjectId.Value, ["PartitionKey", "RowKey", "Tickets"], cancellationToken);
            if (key is not null && row.HasValue)
            {
                released += await index.ReleaseAsync(tenant, subjectId, SubjectEntities.TicketsOf(tenant, row.Value!, key.Key), cancellationToken);
            }
        }

        return released;
    }
}
