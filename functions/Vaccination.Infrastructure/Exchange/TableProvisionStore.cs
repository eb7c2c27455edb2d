using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Received inquiries at the former municipality, one row per message id (partition from its leading hex). The row
/// holds ids, codes, the outcome and the matched internal number only: never the My Number or its blind index.
/// </summary>
internal sealed class TableProvisionStore(StorageTables tables) : IProvisionStore
{
    private TableClient Table => tables.Get(TableNames.Provisions);

    public async Task<string?> TryCreateAsync(Tenant tenant, StoredProvision provision, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(tenant, provision), cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Storage returned no ETag for a new row.");
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<StoredProvision?> GetAsync(Tenant tenant, string messageId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, messageId), messageId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> UpdateAsync(Tenant tenant, StoredProvision provision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provision);
        try
        {
            await Table.UpdateEntityAsync(ToEntity(tenant, provision), provision.Version is null ? ETag.All : new ETag(provision.Version),
                TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<StoredProvision> ListHeldForReviewAsync(Tenant tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Outcome eq {nameof(ProvisionOutcome.HeldForReview)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return FromEntity(row);
            }
        }
    }

    public async Task<int> DeleteExpiredAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and ExpiresAt lt {now} and Outcome ne {nameof(ProvisionOutcome.HeldForReview)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    private static TableEntity ToEntity(Tenant tenant, StoredProvision p) => new(PartitionKeys.ForIndex(tenant, p.MessageId), p.MessageId)
    {
        ["InquiryId"] = p.InquiryId.Value,
        ["Inquirer"] = p.Inquirer.Value,
        ["LegalBasis"] = p.LegalBasis,
        ["RequestedBy"] = p.RequestedBy,
        ["ReceivedAt"] = p.ReceivedAt,
        ["Outcome"] = p.Outcome.ToString(),
        ["SubjectId"] = p.SubjectId?.Value,
        ["ResponseMessageId"] = p.ResponseMessageId,
        ["ResponseSent"] = p.ResponseSent,
        ["ExpiresAt"] = p.ExpiresAt,
        ["DecidedBy"] = p.DecidedBy,
        ["DecidedAt"] = p.DecidedAt,
    };

    private static StoredProvision FromEntity(TableEntity e) => new(
        e.RowKey,
        InquiryId.TryCreate(e.GetString("InquiryId")).Value,
        MunicipalityCode.Parse(e.GetString("Inquirer")),
        e.GetString("LegalBasis"),
        e.GetString("RequestedBy"),
        e.GetDateTimeOffset("ReceivedAt")!.Value,
        Enum.Parse<ProvisionOutcome>(e.GetString("Outcome")),
        e.GetString("SubjectId") is { } subject ? SubjectId.TryCreate(subject).Value : null,
        e.GetString("ResponseMessageId"),
        e.GetBoolean("ResponseSent") ?? false,
        e.GetDateTimeOffset("ExpiresAt")!.Value)
    {
        DecidedBy = e.GetString("DecidedBy"),
        DecidedAt = e.GetDateTimeOffset("DecidedAt"),
        Version = e.ETag.ToString(),
    };
}
