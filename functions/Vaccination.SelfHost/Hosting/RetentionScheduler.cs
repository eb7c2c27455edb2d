using NCrontab;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.DependencyInjection;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// The self-host's timer: at each occurrence of the RetentionSweepSchedule setting (six-field NCRONTAB in UTC, as the
/// Functions timer trigger reads it) it enqueues one sweep per tenant.
/// </summary>
internal sealed partial class RetentionScheduler(IConfiguration configuration, RetentionSweepService sweeps, TimeProvider clock, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = configuration[AppSettingNames.RetentionSweepSchedule] ?? RetentionServiceCollectionExtensions.DefaultSchedule;
        var schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            await Task.Delay(next - now, clock, stoppingToken);
            var runId = await sweeps.StartNightlyRunAsync(stoppingToken);
            LogRunStarted(logger, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {RunId} enqueued for every tenant")]
    private static partial void LogRunStarted(ILogger logger, string runId);
}
