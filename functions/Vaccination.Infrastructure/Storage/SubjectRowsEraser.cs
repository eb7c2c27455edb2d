using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// Removes erased persons' rows from a table that keeps them in the person's partition under row keys
/// "{subjectId}_..." (kept certificates, data-quality findings, review items). Their personal fields are already
/// unreadable once the person key is gone; this removes the rows, ids and codes included.
/// </summary>
public sealed class SubjectRowsEraser(StorageTables tables, string tableName) : IPersonDataEraser
{
    /// <summary>The table whose rows of erased persons this removes.</summary>
    public string TableName => tableName;

    public async Task<int> EraseAsync(Tenant tenant, IReadOnlyCollection<SubjectId> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var table = tables.Get(tableName);
        var erased = 0;
        foreach (var subjectId in subjectIds)
        {
            var filter = SubjectRows.FilterForSubject(tenant, subjectId);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                erased++;
            }
        }

        return erased;
    }
}
