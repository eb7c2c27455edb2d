using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Retention;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Retention;

/// <summary>Retention on Azure Tables: checkpoints, proposals, items and certificates, all in the tenant's own partitions.</summary>
public sealed class TableRetentionStore(StorageTables tables, PersonKeyStore personKeys, IEnumerable<IPersonDataEraser> erasers, RetentionOptions options)
    : IRetentionStore
{
    private readonly RetentionScanner _scanner = new(tables, options.ScanPageSize);
    private readonly ErasureExecutor _executor = new(tables, personKeys, erasers);

    private TableClient Proposals => tables.Get(TableNames.ErasureProposals);

    private TableClient Certificates => tables.Get(TableNames.ErasureCertificates);

    public Task<ScanResult> ScanAsync(Tenant tenant, string runId, DateOnly today, int? maxPages, CancellationToken cancellationToken) =>
        _scanner.ScanAsync(tenant, runId, today, maxPages, cancellationToken);

    public async Task<ErasureProposal> CreateProposalAsync(Tenant tenant, string runId, int persons, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        try
        {
            await Proposals.AddEntityAsync(
                new TableEntity(PartitionKeys.ForTenant(tenant), runId)
                {
                    ["Status"] = nameof(ErasureProposalStatus.Pending),
                    ["CreatedAt"] = createdAt,
                    ["Persons"] = persons,
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same run finished twice: the first proposal stands.
        }

        return (await GetProposalAsync(tenant, runId, cancellationToken))!;
    }

    public async Task<ErasureProposal?> GetProposalAsync(Tenant tenant, string proposalId, CancellationToken cancellationToken)
    {
        if (!IsValidKey(proposalId))
        {
            return null;
        }

        var row = await Proposals.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForTenant(tenant), proposalId, cancellationToken: cancellationToken);
        return row.HasValue ? ToProposal(row.Value!) : null;
    }

    public async Task<IReadOnlyList<ErasureProposal>> ListProposalsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForTenant(tenant)}");
        var proposals = new List<ErasureProposal>();
        await foreach (var row in Proposals.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            proposals.Add(ToProposal(row));
        }

        return proposals;
    }

    public async Task<IReadOnlyList<string>> ListProposalSubjectsAsync(Tenant tenant, string proposalId, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeys.ForProposalItems(partition, proposalId)}");
            await foreach (var item in tables.Get(TableNames.ErasureProposalItems).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                ids.Add(item.RowKey);
                if (ids.Count >= limit)
                {
                    return ids;
                }
            }
        }

        return ids;
    }

    public async Task<Result<ErasureProposal>> UpdateProposalAsync(Tenant tenant, ErasureProposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var entity = new TableEntity(PartitionKeys.ForTenant(tenant), proposal.Id)
        {
            ["Status"] = proposal.Status.ToString(),
            ["CreatedAt"] = proposal.CreatedAt,
            ["Persons"] = proposal.Persons,
            ["DecidedBy"] = proposal.DecidedBy,
            ["DecidedAt"] = proposal.DecidedAt,
            ["Reason"] = proposal.Reason,
            ["CertificateId"] = proposal.CertificateId,
        };
        try
        {
            var response = await Proposals.UpdateEntityAsync(entity, new ETag(proposal.Version!), TableUpdateMode.Replace, cancellationToken);
            return proposal with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return Error.Conflict("erasure.changed", "The proposal was changed by someone else; read it again.");
        }
    }

    public Task<ErasureOutcome?> EraseAsync(Tenant tenant, string proposalId, DateOnly today, CancellationToken cancellationToken) =>
        _executor.EraseAsync(tenant, proposalId, today, cancellationToken);

    public async Task SaveCertificateAsync(Tenant tenant, string certificateId, string summaryJws, IReadOnlyList<string> pageJws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageJws);
        var rows = pageJws.Select((jws, index) => (Page: index + 1, Jws: jws)).Prepend((Page: 0, Jws: summaryJws))
            .Select(page => new TableEntity(PartitionKeys.ForTenant(tenant), CertificateRow(certificateId, page.Page)) { ["Jws"] = page.Jws });
        // Insert only: a certificate, once issued, is never rewritten (a concurrent second execution keeps the first).
        foreach (var batch in rows.Chunk(TableBatch.MaxSize))
        {
            try
            {
                await Certificates.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return;
            }
        }
    }

    public async Task<string?> GetCertificateAsync(Tenant tenant, string certificateId, int page, CancellationToken cancellationToken)
    {
        if (!IsValidKey(certificateId) || page < 0)
        {
            return null;
        }

        var row = await Certificates.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForTenant(tenant), CertificateRow(certificateId, page), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Jws") : null;
    }

    private static string CertificateRow(string certificateId, int page) =>
        page == 0 ? certificateId : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{certificateId}-keys-{page:D6}");

    /// <summary>Run and certificate ids are letters, digits and hyphens; anything else cannot exist and is not looked up.</summary>
    private static bool IsValidKey(string id) => id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static ErasureProposal ToProposal(TableEntity row) => new(
        row.RowKey,
        Enum.Parse<ErasureProposalStatus>(row.GetString("Status")),
        row.GetDateTimeOffset("CreatedAt")!.Value,
        row.GetInt32("Persons")!.Value,
        row.GetString("DecidedBy"),
        row.GetDateTimeOffset("DecidedAt"),
        row.GetString("Reason"),
        row.GetString("CertificateId"))
    {
        Version = row.ETag.ToString(),
    };
}
