namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// A self-host timer, the counterpart of a Functions timer trigger: runs its work every <see cref="Interval"/>. A run
/// that fails (storage down, a row that cannot be read) is logged and the next tick tries again, so nothing but the
/// host stopping ends the loop.
/// </summary>
internal abstract partial class PeriodicService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, GetType().Name, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} failed ({ExceptionType}); it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, string service, string exceptionType);
}
