using Azure.Data.Tables;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// The review list in the ReviewItems table: in the subject's partition, row key "{subjectId}_{eventId}", so a
/// repeated refusal of the same event is one row. The refused event's JSON is encrypted under the person's key (it may
/// hold a My Number or a name), so erasing the person's key also erases it; ids, type and reason stay in clear.
/// </summary>
public sealed class TableReviewList(StorageTables tables, PersonKeyStore personKeys) : IReviewList
{
    private TableClient Table => tables.Get(TableNames.ReviewItems);

    public async Task AddAsync(Tenant tenant, SubjectId subjectId, ReviewItem item, string eventJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = PartitionKeys.ForSubject(tenant, subjectId);
        var rowKey = subjectId.Value + "_" + item.EventId;
        var key = await personKeys.FindForSubjectAsync(tenant, subjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Subject {subjectId} has no key; review items are kept only for stored subjects.");
        var protector = new PersonFieldProtector(key.Key, tenant.Code.Value, TableNames.ReviewItems, partition, rowKey);
        await Table.UpsertEntityAsync(
            new TableEntity(partition, rowKey)
            {
                ["SubjectId"] = item.SubjectId,
                ["EventId"] = item.EventId,
                ["EventType"] = item.EventType,
                ["Reason"] = item.Reason,
                ["ReceivedAt"] = item.ReceivedAt,
                ["Event"] = protector.Protect("Event", eventJson),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private static readonly string[] ItemColumns = ["SubjectId", "EventId", "EventType", "Reason", "ReceivedAt"];

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(Tenant tenant, int limit, CancellationToken cancellationToken = default)
    {
        var items = new List<ReviewItem>();
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ItemColumns, cancellationToken: cancellationToken))
            {
                items.Add(ToItem(row));
                if (items.Count >= limit)
                {
                    return items;
                }
            }
        }

        return items;
    }

    public async Task<IReadOnlyList<ReviewItem>> ListForSubjectAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default)
    {
        var items = new List<ReviewItem>();
        var filter = SubjectRows.FilterForSubject(tenant, subjectId);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ItemColumns, cancellationToken: cancellationToken))
        {
            items.Add(ToItem(row));
        }

        return items;
    }

    private static ReviewItem ToItem(TableEntity row) =>
        new(row.GetString("SubjectId"), row.GetString("EventId"), row.GetString("EventType"), row.GetString("Reason"), row.GetDateTimeOffset("ReceivedAt")!.Value);
}
