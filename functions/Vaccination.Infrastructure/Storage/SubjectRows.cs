using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// Rows that belong to one subject live in the subject's partition with row keys "{subjectId}_{suffix}"
/// (doses, kept certificates, ...). Internal numbers contain no "_", and "`" sorts right after "_".
/// </summary>
public static class SubjectRows
{
    public static string RowKey(SubjectId subjectId, string suffix) => $"{subjectId.Value}_{suffix}";

    /// <summary>The filter for every row of one subject in its partition.</summary>
    public static string FilterForSubject(Tenant tenant, SubjectId subjectId) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeys.ForSubject(tenant, subjectId)} and RowKey gt {subjectId.Value + "_"} and RowKey lt {subjectId.Value + "`"}");
}
