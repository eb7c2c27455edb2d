using Vaccination.Application.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>The self-host's counterpart of the Functions timer: purges expired idempotency records every hour.</summary>
internal sealed partial class IdempotencyPurgeService(IdempotencyPurge purge, TimeProvider clock, ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await purge.RunAsync(stoppingToken);
            }
            catch (Azure.RequestFailedException e)
            {
                LogFailed(logger, e.Status);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging idempotency records failed with storage status {Status}; retried next hour")]
    private static partial void LogFailed(ILogger logger, int status);
}
