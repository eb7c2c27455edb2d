using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Retention;

/// <summary>Retention scans, erasure proposals, erasure execution and certificates of deletion, per tenant.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Scans the tenant's subjects page by page, adding the expired ones to the proposal of <paramref name="runId"/>.
    /// Resumes from its checkpoint; when another worker advances the same run, this one stops.
    /// </summary>
    Task<ScanResult> ScanAsync(Tenant tenant, string runId, DateOnly today, int? maxPages, CancellationToken cancellationToken);

    /// <summary>Records the pending proposal of a completed scan; a second call for the same run returns the first.</summary>
    Task<ErasureProposal> CreateProposalAsync(Tenant tenant, string runId, int persons, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<ErasureProposal?> GetProposalAsync(Tenant tenant, string proposalId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ErasureProposal>> ListProposalsAsync(Tenant tenant, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListProposalSubjectsAsync(Tenant tenant, string proposalId, int limit, CancellationToken cancellationToken);

    /// <summary>Moves the proposal to a new status if its version still matches.</summary>
    Task<Result<ErasureProposal>> UpdateProposalAsync(Tenant tenant, ErasureProposal proposal, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the approved proposal's persons that are still expired (keys first, then rows). Idempotent. Null when
    /// another worker is executing the same proposal at this moment: it finishes the work and issues the certificate.
    /// </summary>
    Task<ErasureOutcome?> EraseAsync(Tenant tenant, string proposalId, DateOnly today, CancellationToken cancellationToken);

    /// <summary>Stores a certificate's signed summary and its signed key pages.</summary>
    Task SaveCertificateAsync(Tenant tenant, string certificateId, string summaryJws, IReadOnlyList<string> pageJws, CancellationToken cancellationToken);

    /// <summary>The signed summary (page 0) or a signed key page (1..n) of a certificate, or null.</summary>
    Task<string?> GetCertificateAsync(Tenant tenant, string certificateId, int page, CancellationToken cancellationToken);
}
