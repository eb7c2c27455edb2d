using System.Globalization;
using System.Security.Cryptography;
using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Retention;

/// <summary>
/// What a municipality's own staff do with retention: start a sweep, review proposals, decide (administrators only),
/// and fetch certificates of deletion. Another tenant's proposals and certificates answer as not found.
/// </summary>
public sealed class ErasureService(TenantAccess access, IRetentionStore store, IRetentionWorkSender queue, IDeletionReportSigner signer, TimeProvider clock)
{
    public const int MaxListedSubjects = 10_000;
    private static readonly CallerRole[] Readers = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];
    private static readonly CallerRole[] Deciders = [CallerRole.MunicipalAdministrator];

    public async Task<Result<string>> StartSweepAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Deciders);
        if (!tenant.IsSuccess)
        {
            return Result<string>.Failure(tenant.Errors);
        }

        var runId = clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await queue.EnqueueAsync(new RetentionWorkItem(RetentionWorkItem.Sweep, tenant.Value.Code.Value, runId), cancellationToken);
        return runId;
    }

    public async Task<Result<IReadOnlyList<ErasureProposal>>> ListAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Readers);
        return tenant.IsSuccess
            ? Result.Success(await store.ListProposalsAsync(tenant.Value, cancellationToken))
            : Result<IReadOnlyList<ErasureProposal>>.Failure(tenant.Errors);
    }

    public async Task<Result<ErasureProposalView>> GetAsync(Caller caller, string municipalityCode, string proposalId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Readers);
        if (!tenant.IsSuccess)
        {
            return Result<ErasureProposalView>.Failure(tenant.Errors);
        }

        var proposal = await store.GetProposalAsync(tenant.Value, proposalId, cancellationToken);
        if (proposal is null)
        {
            return Error.NotFound();
        }

        var ids = await store.ListProposalSubjectsAsync(tenant.Value, proposalId, MaxListedSubjects + 1, cancellationToken);
        return new ErasureProposalView(proposal, ids.Take(MaxListedSubjects).ToList(), ids.Count > MaxListedSubjects);
    }

    public async Task<Result<ErasureProposal>> DecideAsync(
        Caller caller, string municipalityCode, string proposalId, ErasureDecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var tenant = access.Resolve(caller, municipalityCode, Deciders);
        if (!tenant.IsSuccess)
        {
            return Result<ErasureProposal>.Failure(tenant.Errors);
        }

        var proposal = await store.GetProposalAsync(tenant.Value, proposalId, cancellationToken);
        if (proposal is null)
        {
            return Error.NotFound();
        }

        if (proposal.Status != ErasureProposalStatus.Pending)
        {
            return Error.Conflict("erasure.already_decided", $"The proposal is {proposal.Status}; only a pending proposal can be decided.");
        }

        var decided = await store.UpdateProposalAsync(tenant.Value, proposal with
        {
            Status = request.Approve ? ErasureProposalStatus.Approved : ErasureProposalStatus.Rejected,
            DecidedBy = caller.ActorId,
            DecidedAt = clock.GetUtcNow(),
            Reason = request.Reason,
        }, cancellationToken);
        if (decided.IsSuccess && request.Approve)
        {
            await queue.EnqueueAsync(new RetentionWorkItem(RetentionWorkItem.Erase, tenant.Value.Code.Value, proposalId), cancellationToken);
        }

        return decided;
    }

    public async Task<Result<DeletionCertificate>> GetCertificateAsync(Caller caller, string municipalityCode, string certificateId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Readers);
        if (!tenant.IsSuccess)
        {
            return Result<DeletionCertificate>.Failure(tenant.Errors);
        }

        var jws = await store.GetCertificateAsync(tenant.Value, certificateId, 0, cancellationToken);
        if (jws is null)
        {
            return Error.NotFound();
        }

        var report = await signer.VerifyReportAsync(jws, cancellationToken);
        return report is null
            ? Error.Conflict("erasure.certificate_invalid", "The stored certificate's signature does not verify.")
            : new DeletionCertificate(report, jws, SignatureValid: true);
    }

    public async Task<Result<DestroyedKeyPageView>> GetKeyPageAsync(Caller caller, string municipalityCode, string certificateId, int page, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Readers);
        if (!tenant.IsSuccess)
        {
            return Result<DestroyedKeyPageView>.Failure(tenant.Errors);
        }

        var jws = page < 1 ? null : await store.GetCertificateAsync(tenant.Value, certificateId, page, cancellationToken);
        if (jws is null)
        {
            return Error.NotFound();
        }

        var content = await signer.VerifyPageAsync(jws, cancellationToken);
        return content is null
            ? Error.Conflict("erasure.certificate_invalid", "The stored certificate page's signature does not verify.")
            : new DestroyedKeyPageView(content, jws, SignatureValid: true);
    }
}
