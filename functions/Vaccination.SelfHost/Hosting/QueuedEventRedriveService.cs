using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>The self-host's counterpart of the Functions timer: runs the queued-event re-drive sweep every interval.</summary>
internal sealed class QueuedEventRedriveService(
    QueuedEventRedrive redrive, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<QueuedEventRedriveService> logger)
    : ScheduledService(clock, logger)
{
    protected override TimeSpan UntilNextRun(DateTimeOffset now) => options.Value.QueuedEventSweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => redrive.RunAsync(cancellationToken);
}
