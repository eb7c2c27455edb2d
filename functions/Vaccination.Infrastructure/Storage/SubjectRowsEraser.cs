using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Certificates;

/// <summary>Removes erased persons' kept certificates (their passport data is already unreadable once the person key is gone).</summary>
public sealed class CertificateDataEraser(StorageTables tables) : IPersonDataEraser
{
    public async Task<int> EraseAsync(Tenant tenant, IReadOnlyCollection<SubjectId> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var table = tables.Get(TableNames.IssuedCertificates);
        var erased = 0;
        foreach (var subjectId in subjectIds)
        {
            var filter = SubjectRows.FilterForSubject(PartitionKeys.ForSubject(tenant, subjectId), subjectId);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                erased++;
            }
        }

        return erased;
    }
}
