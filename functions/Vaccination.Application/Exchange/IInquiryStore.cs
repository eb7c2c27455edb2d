using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>The inquiring municipality's inquiries and bulk jobs. Every member takes the tenant first.</summary>
public interface IInquiryStore
{
    /// <summary>Stores new inquiries (one, or all lines of a job) before anything is sent.</summary>
    Task CreateAsync(Tenant tenant, IReadOnlyList<StoredInquiry> inquiries, CancellationToken cancellationToken = default);

    Task<StoredInquiry?> GetAsync(Tenant tenant, InquiryId id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the inquiry if its version still matches; false when someone else changed it first.</summary>
    Task<bool> UpdateAsync(Tenant tenant, StoredInquiry inquiry, CancellationToken cancellationToken = default);

    Task DeleteAsync(Tenant tenant, InquiryId id, CancellationToken cancellationToken = default);

    Task CreateJobAsync(Tenant tenant, InquiryJob job, CancellationToken cancellationToken = default);

    Task<InquiryJob?> GetJobAsync(Tenant tenant, string jobId, CancellationToken cancellationToken = default);

    /// <summary>The job's inquiries in line order, read without decrypting anything (one partition range query).</summary>
    IAsyncEnumerable<InquirySummary> ListJobAsync(Tenant tenant, string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves one queued line of the job to awaiting (conditional on its version, so two callers never take the same
    /// line) and returns it; null when the job has no queued line left.
    /// </summary>
    Task<StoredInquiry?> ClaimNextQueuedAsync(Tenant tenant, string jobId, CancellationToken cancellationToken = default);

    /// <summary>Inquiries whose result expired before <paramref name="now"/>, and unanswered ones created before <paramref name="abortBefore"/>.</summary>
    IAsyncEnumerable<InquirySummary> ListDueAsync(Tenant tenant, DateTimeOffset now, DateTimeOffset abortBefore, CancellationToken cancellationToken = default);

    /// <summary>Deletes job rows that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredJobsAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default);
}
