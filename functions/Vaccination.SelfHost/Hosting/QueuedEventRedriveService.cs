using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>The self-host's counterpart of the Functions timer: runs the queued-event re-drive sweep every interval.</summary>
internal sealed partial class QueuedEventRedriveService(
    QueuedEventRedrive redrive, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<QueuedEventRedriveService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueuedEventSweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await redrive.RunAsync(stoppingToken);
                }
                catch (Azure.RequestFailedException e)
                {
                    LogFailed(logger, e.Status);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queued-event re-drive sweep failed with storage status {Status}; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, int status);
}
