using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// The ticket-number index: one TicketIndex row per ticket, keyed by its blind index (HMAC-SHA-256 under the tenant
/// index key of "ticket|" + the number) in the tenant's partitions, naming the subject it was issued to. No ticket
/// number is stored in clear, in a key or a value. A row is a claim: the subject row (which lists its tickets,
/// encrypted) is the truth, so a row whose subject no longer lists the ticket is stale and may be taken over. The
/// webhook refuses a ticket already held by someone else before saving; other writers (staff, bulk loads) are not
/// refused, and a ticket two subjects hold is marked ambiguous so that no dose is attached by it.
/// </summary>
public sealed class TicketIndex(StorageTables tables, TenantKeyRing tenantKeys) : ITicketDirectory
{
    private TableClient Table => tables.Get(TableNames.TicketIndex);

    public async Task<string> RowForAsync(Tenant tenant, TicketNumber ticket, CancellationToken cancellationToken) =>
        BlindIndex.Compute(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), "ticket|" + ticket.Value);

    public async Task<SubjectId?> FindSubjectAsync(Tenant tenant, TicketNumber ticket, CancellationToken cancellationToken = default)
    {
        var row = await RowForAsync(tenant, ticket, cancellationToken);
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, row), row, ["SubjectId", "Ambiguous"], cancellationToken);
        return stored.HasValue && stored.Value!.GetBoolean("Ambiguous") != true ? SubjectId.TryCreate(stored.Value!.GetString("SubjectId")).Value : null;
    }

    /// <summary>
    /// Claims every ticket for the subject. A row held by a subject that no longer lists the ticket is taken over; a row
    /// held by another subject that still lists it is marked ambiguous, and lookups of an ambiguous ticket find nobody
    /// (a ticket must name one person: a misread ticket must never attach a dose to someone else).
    /// </summary>
    public async Task ClaimAsync(
        Tenant tenant, SubjectId subjectId, IEnumerable<TicketNumber> tickets, Func<SubjectId, TicketNumber, Task<bool>> stillHolds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(stillHolds);
        foreach (var ticket in tickets)
        {
            var row = await RowForAsync(tenant, ticket, cancellationToken);
            var entity = new TableEntity(PartitionKeys.ForIndex(tenant, row), row) { ["SubjectId"] = subjectId.Value, ["Ambiguous"] = false };
            try
            {
                await Table.AddEntityAsync(entity, cancellationToken);
                continue;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone holds the row already: this subject, a stale claim, or another subject.
            }

            var existing = (await Table.GetEntityAsync<TableEntity>(entity.PartitionKey, row, cancellationToken: cancellationToken)).Value;
            var holder = SubjectId.TryCreate(existing.GetString("SubjectId")).Value;
            if (holder == subjectId)
            {
                continue;
            }

            if (await stillHolds(holder, ticket))
            {
                existing["Ambiguous"] = true;
                entity = existing;
            }

            try
            {
                await Table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Claimed concurrently: the other claim stands.
            }
        }
    }

    /// <summary>
    /// Removes the subject's claims on its tickets (an erased person); a row another subject has taken over since is
    /// left alone. Returns how many rows went.
    /// </summary>
    public async Task<int> ReleaseAsync(Tenant tenant, SubjectId subjectId, IEnumerable<TicketNumber> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var released = 0;
        foreach (var ticket in tickets)
        {
            var row = await RowForAsync(tenant, ticket, cancellationToken);
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, row), row, ["SubjectId"], cancellationToken);
            if (!stored.HasValue || stored.Value!.GetString("SubjectId") != subjectId.Value)
            {
                continue;
            }

            try
            {
                await Table.DeleteEntityAsync(PartitionKeys.ForIndex(tenant, row), row, stored.Value.ETag, cancellationToken);
                released++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone or taken over meanwhile: nothing of this subject's is left in it.
            }
        }

        return released;
    }

    /// <summary>Indexes the tickets of many subjects at once (bulk loads): batches per partition, last writer wins.</summary>
    public async Task UpsertManyAsync(Tenant tenant, IEnumerable<(SubjectId Id, TicketNumber Ticket)> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var entities = new List<TableEntity>();
        foreach (var (id, ticket) in tickets)
        {
            var row = await RowForAsync(tenant, ticket, cancellationToken);
            entities.Add(new TableEntity(PartitionKeys.ForIndex(tenant, row), row) { ["SubjectId"] = id.Value, ["Ambiguous"] = false });
        }

        foreach (var batch in entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.DistinctBy(e => e.RowKey).Chunk(TableBatch.MaxSize)))
        {
            await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }
}
