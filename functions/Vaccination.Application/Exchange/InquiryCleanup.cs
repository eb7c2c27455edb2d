using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Deletes inquiry results a set time after the inquiry completed or was aborted (S19), aborts inquiries that waited
/// too long, and deletes answered provisions and bulk jobs past their expiry. Run by a timer in both hosts; reads also
/// treat an expired inquiry as gone, so a late sweep never shows an expired result.
/// </summary>
public sealed class InquiryCleanup(
    TenantRegistry registry,
    IInquiryStore inquiries,
    IProvisionStore provisions,
    InquiryCompletion completion,
    IOptions<ExchangeOptions> options,
    TimeProvider clock,
    ILogger<InquiryCleanup> logger)
{
    public async Task SweepAllAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in registry.All)
        {
            await SweepAsync(tenant, cancellationToken);
        }
    }

    public async Task SweepAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int deleted = 0, aborted = 0;
        await foreach (var due in inquiries.ListDueAsync(tenant, now, now - options.Value.AbortAfter, cancellationToken))
        {
            var id = InquiryId.TryCreate(due.InquiryId).Value;
            if (due.Status is InquiryStatus.Awaiting or InquiryStatus.Queued)
            {
                await completion.AbortAsync(tenant, id, cancellationToken);
                aborted++;
            }
            else
            {
                await inquiries.DeleteAsync(tenant, id, cancellationToken);
                deleted++;
            }
        }

        var provisionCount = await provisions.DeleteExpiredAsync(tenant, now, cancellationToken);
        var jobs = await inquiries.DeleteExpiredJobsAsync(tenant, now, cancellationToken);
        ExchangeLog.Swept(logger, tenant.Code.Value, deleted, aborted, provisionCount, jobs);
    }
}
