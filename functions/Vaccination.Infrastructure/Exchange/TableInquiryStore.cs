using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Inquiries at the inquiring municipality on Azure Tables. A row's partition comes from the inquiry id's leading hex
/// (<see cref="PartitionKeys.ForIndex"/>), so a bulk job's rows ("{jobId}-NNNNN") and its job row ("{jobId}") share one
/// partition: the job is written in 100-row batches and its progress is one range query. My Number, consent reference
/// and result are encrypted under the tenant's data key, bound to the row; status, counts and times stay in clear.
/// </summary>
internal sealed class TableInquiryStore(StorageTables tables, TenantFieldProtector protector) : IInquiryStore
{
    private const string InquiryKind = "inquiry";
    private const string JobKind = "job";
    private const int ClaimCandidates = 32;

    private TableClient Table => tables.Get(TableNames.Inquiries);

    public async Task CreateAsync(Tenant tenant, IReadOnlyList<StoredInquiry> inquiries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        var entities = new List<TableEntity>(inquiries.Count);
        foreach (var inquiry in inquiries)
        {
            entities.Add(await ToEntityAsync(tenant, inquiry, cancellationToken));
        }

        foreach (var batch in entities.GroupBy(e => e.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            await Table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
        }
    }

    public async Task<StoredInquiry?> GetAsync(Tenant tenant, InquiryId id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, id.Value), id.Value, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Kind") == InquiryKind ? await FromEntityAsync(tenant, row.Value!, cancellationToken) : null;
    }

    public async Task<bool> UpdateAsync(Tenant tenant, StoredInquiry inquiry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        try
        {
            await Table.UpdateEntityAsync(await ToEntityAsync(tenant, inquiry, cancellationToken),
                inquiry.Version is null ? ETag.All : new ETag(inquiry.Version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task DeleteAsync(Tenant tenant, InquiryId id, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(PartitionKeys.ForIndex(tenant, id.Value), id.Value, ETag.All, cancellationToken);

    public async Task CreateJobAsync(Tenant tenant, InquiryJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await Table.AddEntityAsync(new TableEntity(PartitionKeys.ForIndex(tenant, job.JobId), job.JobId)
        {
            ["Kind"] = JobKind,
            ["Total"] = job.Total,
            ["RequestedBy"] = job.RequestedBy,
            ["CreatedAt"] = job.CreatedAt,
            ["ExpiresAt"] = job.ExpiresAt,
        }, cancellationToken);
    }

    public async Task<InquiryJob?> GetJobAsync(Tenant tenant, string jobId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, jobId), jobId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Kind") == JobKind
            ? new InquiryJob(jobId, row.Value.GetInt32("Total")!.Value, row.Value.GetString("RequestedBy"),
                row.Value.GetDateTimeOffset("CreatedAt")!.Value, row.Value.GetDateTimeOffset("ExpiresAt")!.Value)
            : null;
    }

    public async IAsyncEnumerable<InquirySummary> ListJobAsync(Tenant tenant, string jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeys.ForIndex(tenant, jobId)} and RowKey gt {jobId + "-"} and RowKey lt {jobId + "."}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: SummaryColumns, cancellationToken: cancellationToken))
        {
            yield return ToSummary(row);
        }
    }

    public async Task<StoredInquiry?> ClaimNextQueuedAsync(Tenant tenant, string jobId, CancellationToken cancellationToken = default)
    {
        // Many lines end at once; each claimer picks at random among the first queued lines so they rarely collide.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeys.ForIndex(tenant, jobId)} and RowKey gt {jobId + "-"} and RowKey lt {jobId + "."} and Status eq {nameof(InquiryStatus.Queued)}");
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidates = new List<string>(ClaimCandidates);
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: ClaimCandidates, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                candidates.Add(row.RowKey);
                if (candidates.Count == ClaimCandidates)
                {
                    break;
                }
            }

            if (candidates.Count == 0)
            {
                return null;
            }

            var id = InquiryId.TryCreate(candidates[Random.Shared.Next(candidates.Count)]).Value;
            if (await GetAsync(tenant, id, cancellationToken) is { Status: InquiryStatus.Queued } queued)
            {
                var claimed = queued with { Status = InquiryStatus.Awaiting };
                if (await UpdateAsync(tenant, claimed, cancellationToken))
                {
                    return claimed;
                }
            }
        }

        return null;
    }

    public async IAsyncEnumerable<InquirySummary> ListDueAsync(
        Tenant tenant, DateTimeOffset now, DateTimeOffset abortBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and Kind eq {InquiryKind} and (ExpiresAt lt {now} or (Status ne {nameof(InquiryStatus.Provided)} and Status ne {nameof(InquiryStatus.NotFound)} and Status ne {nameof(InquiryStatus.Refused)} and Status ne {nameof(InquiryStatus.Failed)} and CreatedAt lt {abortBefore}))");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: SummaryColumns, cancellationToken: cancellationToken))
            {
                yield return ToSummary(row);
            }
        }
    }

    public async Task<int> DeleteExpiredJobsAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {JobKind} and ExpiresAt lt {now}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    private static readonly string[] SummaryColumns =
        ["PartitionKey", "RowKey", "SubjectId", "Status", "DoseCount", "CreatedAt", "CompletedAt", "ExpiresAt", "FailureReason", "RetryHint"];

    private static InquirySummary ToSummary(TableEntity row) => new(
        row.RowKey,
        row.GetString("SubjectId"),
        Enum.Parse<InquiryStatus>(row.GetString("Status")),
        row.GetInt32("DoseCount") ?? 0,
        row.GetDateTimeOffset("CreatedAt")!.Value,
        row.GetDateTimeOffset("CompletedAt"),
        row.GetDateTimeOffset("ExpiresAt"),
        row.GetString("FailureReason"),
        row.GetString("RetryHint"));

    private static FieldContext Context(Tenant tenant, string partition, string row, string field) =>
        new(tenant.Code.Value, TableNames.Inquiries, partition, row, field);

    private async Task<TableEntity> ToEntityAsync(Tenant tenant, StoredInquiry inquiry, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForIndex(tenant, inquiry.Id.Value);
        var row = inquiry.Id.Value;
        return new TableEntity(partition, row)
        {
            ["Kind"] = InquiryKind,
            ["SubjectId"] = inquiry.SubjectId.Value,
            ["MyNumber"] = await protector.ProtectAsync(tenant, Context(tenant, partition, row, "MyNumber"), inquiry.MyNumber.RevealDigits(), cancellationToken),
            ["FormerMunicipality"] = inquiry.FormerMunicipality.Value,
            ["LegalBasis"] = inquiry.LegalBasis,
            ["ConsentReference"] = await protector.ProtectAsync(tenant, Context(tenant, partition, row, "ConsentReference"), inquiry.ConsentReference, cancellationToken),
            ["RequestedBy"] = inquiry.RequestedBy,
            ["MessageId"] = inquiry.MessageId,
            ["Status"] = inquiry.Status.ToString(),
            ["CreatedAt"] = inquiry.CreatedAt,
            ["CompletedAt"] = inquiry.CompletedAt,
            ["ExpiresAt"] = inquiry.ExpiresAt,
            ["DoseCount"] = inquiry.Doses.Count,
            ["Doses"] = inquiry.Doses.Count == 0
                ? null
                : await protector.ProtectAsync(tenant, Context(tenant, partition, row, "Doses"), JsonSerializer.Serialize(inquiry.Doses), cancellationToken),
            ["FailureReason"] = inquiry.FailureReason,
            ["RetryHint"] = inquiry.RetryHint,
        };
    }

    private async Task<StoredInquiry> FromEntityAsync(Tenant tenant, TableEntity e, CancellationToken cancellationToken)
    {
        var myNumber = await protector.UnprotectAsync(tenant, Context(tenant, e.PartitionKey, e.RowKey, "MyNumber"), e.GetString("MyNumber"), cancellationToken);
        var doses = await protector.UnprotectAsync(tenant, Context(tenant, e.PartitionKey, e.RowKey, "Doses"), e.GetString("Doses"), cancellationToken);
        return new StoredInquiry(
            InquiryId.TryCreate(e.RowKey).Value,
            SubjectId.TryCreate(e.GetString("SubjectId")).Value,
            MyNumber.TryCreate(myNumber).Value,
            MunicipalityCode.Parse(e.GetString("FormerMunicipality")),
            e.GetString("LegalBasis"),
            await protector.UnprotectAsync(tenant, Context(tenant, e.PartitionKey, e.RowKey, "ConsentReference"), e.GetString("ConsentReference"), cancellationToken),
            e.GetString("RequestedBy"),
            e.GetString("MessageId"),
            Enum.Parse<InquiryStatus>(e.GetString("Status")),
            e.GetDateTimeOffset("CreatedAt")!.Value)
        {
            CompletedAt = e.GetDateTimeOffset("CompletedAt"),
            ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
            Doses = doses is null ? [] : JsonSerializer.Deserialize<List<ExchangedDose>>(doses) ?? [],
            FailureReason = e.GetString("FailureReason"),
            RetryHint = e.GetString("RetryHint"),
            Version = e.ETag.ToString(),
        };
    }
}
