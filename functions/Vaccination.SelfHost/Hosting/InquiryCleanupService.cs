using Vaccination.Application.Exchange;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// The self-host's timer for <see cref="InquiryCleanup"/>: every <see cref="Interval"/> (the Functions app's
/// ExchangeCleanupFunction runs on the same schedule) it deletes expired inquiry results and aborts stale inquiries.
/// </summary>
internal sealed partial class InquiryCleanupService(InquiryCleanup cleanup, TimeProvider clock, ILogger<InquiryCleanupService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cleanup.SweepAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange cleanup failed ({ExceptionType}); it runs again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
