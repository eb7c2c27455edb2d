using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The outbox sweep of queued events: every event still queued <see cref="IngestionOptions.QueuedEventRedriveAfter"/>
/// after it was accepted (or last re-driven) gets its work sent again, because its work item was lost, poisoned, or
/// held by an instance that stopped. Each re-drive is claimed on the event's marker first, so two instances sweeping
/// at once send it once. After <see cref="MaxRedrives"/> re-drives the event is given up, unless a worker began applying
/// it within the same period: its answer becomes a refusal the sender may fix by sending it again (the id is
/// reusable). The give-up is conditional on the record being unchanged since read, and a worker claims the record
/// before applying anything, so an event is never both applied and answered "not applied".
/// </summary>
public sealed partial class QueuedEventRedrive(
    TenantRegistry tenants, IIdempotencyStore idempotency, IQueuedEventSender queue, IOptions<IngestionOptions> options, TimeProvider clock,
    ILogger<QueuedEventRedrive> logger)
{
    public const int MaxRedrives = 3;
    public const string GivenUpCode = "event.not_applied";

    /// <summary>Sweeps every tenant; returns how many events were sent again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var redriven = 0;
        var now = clock.GetUtcNow();
        foreach (var tenant in tenants.All)
        {
            await foreach (var marker in idempotency.FindOverdueAsync(tenant, now - options.Value.QueuedEventRedriveAfter, cancellationToken))
            {
                try
                {
                    redriven += await RedriveAsync(tenant, marker, now, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // One event that cannot be re-driven now (a row that cannot be read, a storage error) must not hold up the others.
                    LogRedriveFailed(logger, tenant.Code.Value, marker.EventId.Value, e.GetType().Name);
                }
            }
        }

        return redriven;
    }

    private async Task<bool> RedriveAsync(Tenant tenant, QueuedEventMarker marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await idempotency.ClaimRedriveAsync(tenant, marker, now, cancellationToken))
        {
            return false;
        }

        if (marker.Redrives >= MaxRedrives)
        {
            await GiveUpAsync(tenant, marker, now, cancellationToken);
            return false;
        }

        await queue.EnqueueAsync(QueuedEventWork.FirstTry(tenant, marker.EventId), TimeSpan.Zero, cancellationToken);
        LogRedriven(logger, tenant.Code.Value, marker.EventId.Value, marker.Redrives + 1);
        return true;
    }

    private async Task GiveUpAsync(Tenant tenant, QueuedEventMarker marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await idempotency.FindAsync(tenant, marker.EventId, cancellationToken);
        if (record is not { Outcome.IsQueued: true } || record.ApplyingSince > now - options.Value.QueuedEventRedriveAfter)
        {
            // Gone, or a worker began applying it lately: not given up now (the marker, claimed, comes up again later).
            return;
        }

        var refusal = EventOutcome.Refusal(marker.EventId.Value, record.Outcome.Type,
            [Error.Conflict(GivenUpCode, "The event could not be applied after repeated tries; send it again (its id may be reused; applying it again is safe).")]);
        if (!await idempotency.CompleteAsync(tenant, record with { Outcome = refusal, PendingEvent = null, Reusable = true, ProcessedAt = now }, cancellationToken))
        {
            return;
        }

        LogGivenUp(logger, tenant.Code.Value, marker.EventId.Value, marker.Redrives);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued VRS event {EventId} of tenant {Tenant} was still queued; its work was sent again (re-drive {Redrive})")]
    private static partial void LogRedriven(ILogger logger, string tenant, string eventId, int redrive);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-driving queued VRS event {EventId} of tenant {Tenant} failed ({ExceptionType}); the next sweep tries again")]
    private static partial void LogRedriveFailed(ILogger logger, string tenant, string eventId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queued VRS event {EventId} of tenant {Tenant} was not applied after {Redrives} re-drives; it is answered as refused (event.not_applied)")]
    private static partial void LogGivenUp(ILogger logger, string tenant, string eventId, int redrives);
}
