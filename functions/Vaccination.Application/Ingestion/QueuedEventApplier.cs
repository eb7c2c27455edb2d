using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vaccination.Application.Callers;
using Vaccination.Domain.Tenants;
using EventId = Vaccination.Domain.Ingestion.EventId;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Applies the events accepted with "Prefer: respond-async", one queue work item at a time: reads the stored event,
/// validates it again, applies it and replaces the "queued" record with the outcome, which the sender reads at the
/// event's status URL. A refusal that an earlier event still on its way may lift (the registration, the ticket, the
/// previous dose) is tried again later, up to <see cref="MaxAttempts"/> times, because queued events of one person
/// may be applied out of order. A work item whose event is no longer queued is dropped, and the record is claimed
/// (ETag-conditional) before anything is applied and completed only if unchanged since, so duplicates are harmless.
/// </summary>
public sealed partial class QueuedEventApplier(
    TenantRegistry tenants,
    WebhookEventValidator validator,
    EventApplier applier,
    IIdempotencyStore idempotency,
    IQueuedEventSender queue,
    TimeProvider clock,
    ILogger<QueuedEventApplier> logger)
{
    public const int MaxAttempts = 5;
    private const string QueueActor = "vrs-queue";

    public async Task ApplyAsync(QueuedEventWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var eventId = EventId.TryCreate(work.EventId);
        if (tenants.Find(work.MunicipalityCode) is not { } tenant || !eventId.IsSuccess)
        {
            LogDropped(logger, work.MunicipalityCode, work.EventId, "unknown tenant or event id");
            return;
        }

        var stored = await idempotency.FindAsync(tenant, eventId.Value, cancellationToken);
        if (stored is not { Outcome.IsQueued: true, PendingEvent: { } eventJson })
        {
            LogDropped(logger, tenant.Code.Value, work.EventId, "not queued (already applied, refused or expired)");
            return;
        }

        // Claimed before anything is applied: a duplicate delivery, or the sweep giving the event up, then sees it changed.
        if (await idempotency.BeginApplyingAsync(tenant, stored, clock.GetUtcNow(), cancellationToken) is not { } record)
        {
            LogDropped(logger, tenant.Code.Value, work.EventId, "taken meanwhile by another delivery of its work");
            return;
        }

        var outcome = await ApplyStoredAsync(tenant, work, record, eventJson, cancellationToken);
        if (outcome is null)
        {
            return;
        }

        var completed = record with { Outcome = outcome.Value.Outcome, PendingEvent = null, Reusable = !outcome.Value.Final, ProcessedAt = clock.GetUtcNow() };
        if (await idempotency.CompleteAsync(tenant, completed, cancellationToken))
        {
            LogApplied(logger, tenant.Code.Value, work.EventId, outcome.Value.Outcome.Result, work.Attempt);
        }
        else
        {
            LogDropped(logger, tenant.Code.Value, work.EventId, "completed meanwhile by another delivery of its work");
        }
    }

    /// <summary>The outcome and whether it is final, or null when the event was put back on the queue to wait.</summary>
    private async Task<(EventOutcome Outcome, bool Final)?> ApplyStoredAsync(
        Tenant tenant, QueuedEventWork work, IdempotencyRecord record, string eventJson, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(eventJson);
        var caller = new Caller(QueueActor, record.FromSite ? CallerRole.VaccinationSite : CallerRole.Vrs, tenant.Code);
        var read = EventProcessor.Read(validator, caller, tenant, document.RootElement);
        if (!read.IsSuccess)
        {
            return (read.Refusal!, false);
        }

        var applied = await applier.ApplyAsync(tenant, read.Command!, eventJson, cancellationToken);
        if (EventApplier.MayWaitForEarlierEvent(applied) && work.Attempt < MaxAttempts)
        {
            await queue.EnqueueAsync(work with { Attempt = work.Attempt + 1 }, RetryDelay(work.Attempt), cancellationToken);
            LogWaiting(logger, tenant.Code.Value, work.EventId, applied.Errors[0].Code, work.Attempt);
            return null;
        }

        return (EventOutcome.Of(read.Command!, applied), EventApplier.IsFinal(applied));
    }

    /// <summary>2, 4, 8, 16 seconds: about half a minute in all before a waiting refusal becomes the answer.</summary>
    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(1 << attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued VRS event {EventId} for tenant {Tenant}: {Result} (try {Attempt})")]
    private static partial void LogApplied(ILogger logger, string tenant, string eventId, string result, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued VRS event {EventId} for tenant {Tenant} waits for an earlier event ({Code}, try {Attempt})")]
    private static partial void LogWaiting(ILogger logger, string tenant, string eventId, string code, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue work for VRS event {EventId} of tenant {Tenant} dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string tenant, string eventId, string reason);
}
