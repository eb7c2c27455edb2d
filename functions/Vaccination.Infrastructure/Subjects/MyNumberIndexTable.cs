using Azure;
using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// The blind index: one row per held My Number, keyed by its HMAC, pointing at the subject that holds it.
/// A number that no subject holds leaves no row and no trace.
/// </summary>
internal sealed class MyNumberIndexTable(StorageTables tables)
{
    private TableClient Table => tables.Get(TableNames.MyNumberIndex);

    public async Task<SubjectId?> FindAsync(Tenant tenant, string indexValue, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, indexValue), indexValue, ["SubjectId"], cancellationToken);
        return row.HasValue ? SubjectId.TryCreate(row.Value!.GetString("SubjectId")).Value : null;
    }

    /// <summary>Points the index value at the subject; false when another subject already holds it.</summary>
    public async Task<bool> ClaimAsync(Tenant tenant, string indexValue, SubjectId subjectId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(tenant, indexValue, subjectId), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(tenant, indexValue, cancellationToken) == subjectId;
        }
    }

    public async Task ReleaseAsync(Tenant tenant, string indexValue, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(PartitionKeys.ForIndex(tenant, indexValue), indexValue, ETag.All, cancellationToken);

    public static TableEntity ToEntity(Tenant tenant, string indexValue, SubjectId subjectId) =>
        new(PartitionKeys.ForIndex(tenant, indexValue), indexValue) { ["SubjectId"] = subjectId.Value };
}
