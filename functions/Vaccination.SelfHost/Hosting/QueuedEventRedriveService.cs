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
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever failed (storage down, a row that cannot be read), the host keeps running and the next sweep tries again.
                    LogFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queued-event re-drive sweep failed ({ExceptionType}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
