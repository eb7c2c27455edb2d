using NCrontab;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.DependencyInjection;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// The self-host's timer: at each occurrence of the RetentionSweepSchedule setting (six-field NCRONTAB in UTC, as the
/// Functions timer trigger reads it) it enqueues one sweep per tenant. A schedule that cannot be read stops the start.
/// </summary>
internal sealed partial class RetentionScheduler(IConfiguration configuration, RetentionSweepService sweeps, TimeProvider clock, ILogger<RetentionScheduler> logger)
    : ScheduledService(clock, logger)
{
    private readonly CrontabSchedule _schedule = CrontabSchedule.Parse(
        configuration[AppSettingNames.RetentionSweepSchedule] ?? RetentionServiceCollectionExtensions.DefaultSchedule,
        new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    protected override TimeSpan UntilNextRun(DateTimeOffset now) => _schedule.GetNextOccurrence(now.UtcDateTime) - now.UtcDateTime;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var runId = await sweeps.StartNightlyRunAsync(cancellationToken);
        LogRunStarted(Logger, runId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {RunId} enqueued for every tenant")]
    private static partial void LogRunStarted(ILogger logger, string runId);
}
