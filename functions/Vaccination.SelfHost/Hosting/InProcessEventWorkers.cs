using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// Applies queued VRS events handed over in process (<see cref="InProcessQueuedEvents"/>), a few at a time. A failed
/// try is repeated after a pause, up to <see cref="QueuedEventApplier.MaxAttempts"/> tries in all; after that, or if
/// the process stops first, the event stays queued on record and the re-drive sweep sends it again.
/// </summary>
internal sealed partial class InProcessEventWorkers(
    InProcessQueuedEvents events, QueuedEventApplier applier, IOptions<IngestionOptions> options, ILogger<InProcessEventWorkers> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.InProcessWorkers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            QueuedEventWork work;
            try
            {
                work = await events.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await applier.ApplyAsync(work, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, work.MunicipalityCode, work.EventId, work.Attempt, FailureReason.Of(e));
                if (work.Attempt < QueuedEventApplier.MaxAttempts)
                {
                    await events.EnqueueAsync(work with { Attempt = work.Attempt + 1 }, RetryDelay, stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying queued VRS event {EventId} of tenant {Tenant} failed on try {Attempt} ({Reason})")]
    private static partial void LogFailed(ILogger logger, string tenant, string eventId, int attempt, string reason);
}
