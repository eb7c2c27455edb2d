using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Sends stored inquiries: one at a time, and for bulk jobs the next queued line whenever a line ends, so at most
/// <see cref="ExchangeOptions.JobWindow"/> lines of a job are in flight. A transport failure marks the inquiry failed
/// with retry hint "retry"; nothing accepted disappears silently.
/// </summary>
public sealed class InquirySender(
    IInquiryStore inquiries,
    ExchangeMessenger messenger,
    IOptions<ExchangeOptions> options,
    TimeProvider clock,
    ILogger<InquirySender> logger)
{
    /// <summary>Sends the inquiry; returns the transport's exception when it failed (the inquiry is then marked failed).</summary>
    public async Task<Exception?> TrySendAsync(Tenant tenant, StoredInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(inquiry);
        try
        {
            await messenger.SendInquiryAsync(tenant.Code, inquiry, cancellationToken);
            ExchangeLog.InquirySent(logger, inquiry.Id.Value, tenant.Code.Value, inquiry.FormerMunicipality.Value, inquiry.MessageId);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ExchangeLog.InquirySendFailed(logger, inquiry.Id.Value, tenant.Code.Value, e.GetType().Name);
            var stored = await inquiries.GetAsync(tenant, inquiry.Id, cancellationToken);
            if (stored is not null)
            {
                var now = clock.GetUtcNow();
                await inquiries.UpdateAsync(tenant, stored with
                {
                    Status = InquiryStatus.Failed,
                    CompletedAt = now,
                    ExpiresAt = now + options.Value.ResultRetention,
                    FailureReason = "transport-unavailable",
                    RetryHint = "retry",
                }, cancellationToken);
            }

            return e;
        }
    }

    /// <summary>Sends the next queued line of the job, if any (called when a line of the job ends).</summary>
    public async Task SendNextOfJobAsync(Tenant tenant, string jobId, CancellationToken cancellationToken)
    {
        if (await inquiries.ClaimNextQueuedAsync(tenant, jobId, cancellationToken) is { } next)
        {
            await TrySendAsync(tenant, next, cancellationToken);
        }
    }
}
