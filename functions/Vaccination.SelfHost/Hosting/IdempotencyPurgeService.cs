using Vaccination.Application.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>The self-host's counterpart of the Functions timer: purges expired idempotency records every hour.</summary>
internal sealed class IdempotencyPurgeService(IdempotencyPurge purge, TimeProvider clock, ILogger<IdempotencyPurgeService> logger)
    : ScheduledService(clock, logger)
{
    protected override TimeSpan UntilNextRun(DateTimeOffset now) => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => purge.RunAsync(cancellationToken);
}
