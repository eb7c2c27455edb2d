using Azure.Data.Tables;
using Vaccination.Application.Access;
using Vaccination.Domain.Access;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Access;

/// <summary>Staff grants on Azure Tables: partition = tenant, row = actor id (validated by <see cref="ActorIds"/>).</summary>
public sealed class TableStaffGrantStore(StorageTables tables) : IStaffGrantStore
{
    private TableClient Table => tables.Get(TableNames.StaffGrants);

    public async Task<StaffGrant?> GetAsync(Tenant tenant, string actorId, CancellationToken cancellationToken = default)
    {
        if (!ActorIds.IsValid(actorId))
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForStaffGrants(tenant), actorId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<StaffGrant>> ListAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForStaffGrants(tenant)}");
        var grants = new List<StaffGrant>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            grants.Add(FromEntity(row));
        }

        return grants;
    }

    public async Task SaveAsync(Tenant tenant, StaffGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!ActorIds.IsValid(grant.ActorId))
        {
            throw new ArgumentException("The actor id is not a valid row key.", nameof(grant));
        }

        await Table.UpsertEntityAsync(
            new TableEntity(PartitionKeys.ForStaffGrants(tenant), grant.ActorId)
            {
                ["GrantedBy"] = grant.GrantedBy,
                ["GrantedAt"] = grant.GrantedAt,
                ["RevokedBy"] = grant.RevokedBy,
                ["RevokedAt"] = grant.RevokedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private static StaffGrant FromEntity(TableEntity row) => new(
        row.RowKey,
        row.GetString("GrantedBy") ?? string.Empty,
        row.GetDateTimeOffset("GrantedAt") ?? DateTimeOffset.MinValue,
        row.GetString("RevokedBy"),
        row.GetDateTimeOffset("RevokedAt"));
}
