using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Retention;

/// <summary>
/// Retention work (F8, S16): the nightly fan-out, a tenant's sweep (working data expired at once; expired vaccination
/// records proposed for erasure) and the execution of an approved proposal with its certificate of deletion.
/// </summary>
public sealed partial class RetentionSweepService(
    TenantRegistry tenants,
    IRetentionStore store,
    IRetentionWorkSender queue,
    IDeletionReportSigner signer,
    IEnumerable<IWorkingDataExpirer> expirers,
    TimeProvider clock,
    ILogger<RetentionSweepService> logger)
{
    public const string AutoApprover = "system:auto-approval";

    /// <summary>Enqueues one sweep per tenant for today's run; enqueuing twice on the same day names the same run.</summary>
    public async Task<string> StartNightlyRunAsync(CancellationToken cancellationToken)
    {
        var runId = PastDateRun();
        foreach (var tenant in tenants.All)
        {
            await queue.EnqueueAsync(new RetentionWorkItem(RetentionWorkItem.Sweep, tenant.Code.Value, runId), cancellationToken);
        }

        return runId;
    }

    public async Task HandleAsync(RetentionWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tenant = tenants.Find(item.Tenant) ?? throw new InvalidOperationException($"Work item for unknown tenant {item.Tenant}.");
        switch (item.Kind)
        {
            case RetentionWorkItem.Sweep:
                await SweepAsync(tenant, item.Id, cancellationToken);
                break;
            case RetentionWorkItem.Erase:
                await ExecuteAsync(tenant, item.Id, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown retention work kind '{item.Kind}'.");
        }
    }

    public async Task<ErasureProposal?> SweepAsync(Tenant tenant, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var now = clock.GetUtcNow();
        foreach (var expirer in expirers)
        {
            var expired = await expirer.ExpireAsync(tenant, now, cancellationToken);
            LogWorkingDataExpired(logger, tenant.Code.Value, expirer.Name, expired);
        }

        await ResumeApprovedAsync(tenant, cancellationToken);
        var scan = await store.ScanAsync(tenant, runId, PastDate.TodayInJapan(clock), maxPages: null, cancellationToken);
        if (!scan.Completed || scan.ExpiredPersons == 0)
        {
            return null;
        }

        var proposal = await store.CreateProposalAsync(tenant, runId, scan.ExpiredPersons, now, cancellationToken);
        LogProposal(logger, tenant.Code.Value, proposal.Id, proposal.Persons);
        if (tenant.AutoApproveErasure && proposal.Status == ErasureProposalStatus.Pending)
        {
            var approved = await store.UpdateProposalAsync(
                tenant, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = AutoApprover, DecidedAt = now }, cancellationToken);
            if (approved.IsSuccess)
            {
                await ExecuteAsync(tenant, proposal.Id, cancellationToken);
            }
        }

        return proposal;
    }

    /// <summary>Erases an approved proposal's persons and issues the signed certificate of deletion. Idempotent.</summary>
    public async Task ExecuteAsync(Tenant tenant, string proposalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var proposal = await store.GetProposalAsync(tenant, proposalId, cancellationToken);
        if (proposal is not { Status: ErasureProposalStatus.Approved })
        {
            return;
        }

        var outcome = await store.EraseAsync(tenant, proposalId, PastDate.TodayInJapan(clock), cancellationToken);
        if (outcome is null || (await store.GetProposalAsync(tenant, proposalId, cancellationToken))?.Status != ErasureProposalStatus.Approved)
        {
            LogLeftToOtherWorker(logger, tenant.Code.Value, proposalId);
            return; // another worker is executing it, or finished it while we erased
        }

        var pages = outcome.DestroyedKeyIds.Chunk(DestroyedKeyPage.Size).Select((ids, index) => new DestroyedKeyPage(proposalId, index + 1, ids)).ToList();
        var report = new DeletionReport(
            proposalId,
            tenant.Code.Value,
            proposalId,
            clock.GetUtcNow(),
            proposal.DecidedBy!,
            outcome.Persons,
            outcome.Rows,
            HashOf(outcome.ErasedSubjectIds),
            outcome.DestroyedKeyIds.Count,
            HashOf(outcome.DestroyedKeyIds),
            pages.Count);
        var pageJws = new List<string>();
        foreach (var page in pages)
        {
            pageJws.Add(await signer.SignAsync(page, cancellationToken));
        }

        await store.SaveCertificateAsync(tenant, report.CertificateId, await signer.SignAsync(report, cancellationToken), pageJws, cancellationToken);
        var executed = await store.UpdateProposalAsync(
            tenant, proposal with { Status = ErasureProposalStatus.Executed, CertificateId = report.CertificateId }, cancellationToken);
        if (!executed.IsSuccess && (await store.GetProposalAsync(tenant, proposalId, cancellationToken))?.Status != ErasureProposalStatus.Executed)
        {
            throw new InvalidOperationException($"Proposal {proposalId} changed while it was executed.");
        }

        LogExecuted(logger, tenant.Code.Value, proposalId, outcome.Persons, outcome.Rows);
    }

    /// <summary>Finishes approved proposals whose execution was interrupted (a crash, or a worker that stopped).</summary>
    private async Task ResumeApprovedAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        foreach (var proposal in await store.ListProposalsAsync(tenant, cancellationToken))
        {
            if (proposal.Status == ErasureProposalStatus.Approved)
            {
                await ExecuteAsync(tenant, proposal.Id, cancellationToken);
            }
        }
    }

    /// <summary>SHA-256 over values sorted ordinally, one per line (UTF-8), lowercase hex: how certificates fingerprint id lists.</summary>
    public static string HashOf(IEnumerable<string> values) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', values.Order(StringComparer.Ordinal)))));

    private string PastDateRun() =>
        PastDate.TodayInJapan(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Expirer} expired {Count} working rows")]
    private static partial void LogWorkingDataExpired(ILogger logger, string tenant, string expirer, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: erasure proposal {ProposalId} for {Persons} persons")]
    private static partial void LogProposal(ILogger logger, string tenant, string proposalId, int persons);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: proposal {ProposalId} is being executed by another worker")]
    private static partial void LogLeftToOtherWorker(ILogger logger, string tenant, string proposalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: proposal {ProposalId} executed, {Persons} persons and {Rows} rows erased")]
    private static partial void LogExecuted(ILogger logger, string tenant, string proposalId, int persons, int rows);
}
