using Vaccination.Application.Exchange;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// The self-host's timer for <see cref="InquiryCleanup"/>: every 15 minutes (the Functions app's
/// ExchangeCleanupFunction runs on the same schedule) it deletes expired inquiry results and aborts stale inquiries.
/// </summary>
internal sealed class InquiryCleanupService(InquiryCleanup cleanup, TimeProvider clock, ILogger<InquiryCleanupService> logger)
    : ScheduledService(clock, logger)
{
    protected override TimeSpan UntilNextRun(DateTimeOffset now) => TimeSpan.FromMinutes(15);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => cleanup.SweepAllAsync(cancellationToken);
}
