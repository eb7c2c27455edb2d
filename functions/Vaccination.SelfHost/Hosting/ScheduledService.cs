namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// A self-host timer, the counterpart of a Functions timer trigger: waits until its next run, runs its work, and again.
/// A run that fails (storage down, a row that cannot be read) is logged and the next one tries again, so nothing but
/// the host stopping ends the loop (an exception escaping a hosted service would stop the whole self-host).
/// </summary>
internal abstract partial class ScheduledService(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected ILogger Logger => logger;

    /// <summary>How long to wait, from <paramref name="now"/>, before the next run.</summary>
    protected abstract TimeSpan UntilNextRun(DateTimeOffset now);

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                await WaitUntilAsync(now + UntilNextRun(now), stoppingToken);
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, GetType().Name, FailureReason.Of(e));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until <paramref name="due"/>, at most a day at a time (a single timer cannot wait longer than about 49 days).</summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var left = due - clock.GetUtcNow(); left > TimeSpan.Zero; left = due - clock.GetUtcNow())
        {
            await Task.Delay(left < LongestWait ? left : LongestWait, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} failed ({Reason}); it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, string service, string reason);
}
