using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Callers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;
using EventId = Vaccination.Domain.Ingestion.EventId;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Processes one event of a verified delivery: the S4 screen for vaccination sites, validation, the idempotency
/// record (a replay returns the stored answer), then the applier. The answer is recorded only after the change is
/// stored, and only for outcomes that are final (applied, or refused by the confirmed-record lock); a refusal the
/// sender can fix is not recorded, so the corrected event may reuse its id. When the sender prefers an asynchronous
/// answer, a valid event is stored and queued instead, and applied by <see cref="QueuedEventApplier"/>.
/// </summary>
public sealed partial class EventProcessor(
    WebhookEventValidator validator,
    EventApplier applier,
    IIdempotencyStore idempotency,
    IQueuedEventSender queue,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<EventProcessor> logger)
{
    public async Task<EventOutcome> ProcessAsync(
        Caller caller, Tenant tenant, JsonElement element, byte[] secret, bool respondAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tenant);
        var site = caller.Role == CallerRole.VaccinationSite;
        if (site && SiteContentScreen.ContainsMyNumber(element))
        {
            LogSiteMyNumberRefused(logger, tenant.Code.Value);
            return EventOutcome.Refusal(null, null,
                [Error.Forbidden("site.my_number_forbidden", "Vaccination sites may not send a My Number; the event was discarded.")]);
        }

        var command = Read(validator, caller, tenant, element);
        if (!command.IsSuccess)
        {
            return command.Refusal!;
        }

        var eventJson = element.GetRawText();
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(eventJson)));
        var outcome = respondAsync
            ? await QueueAsync(tenant, command.Command!, eventJson, hash, site, cancellationToken)
            : await ProcessValidAsync(tenant, command.Command!, eventJson, hash, cancellationToken);
        return site ? outcome with { SubjectId = null } : outcome;
    }

    /// <summary>Reads and validates one event: the typed command, or the refusal listing every field error.</summary>
    internal static (bool IsSuccess, IngestionCommand? Command, EventOutcome? Refusal) Read(
        WebhookEventValidator validator, Caller caller, Tenant tenant, JsonElement element)
    {
        WebhookEvent? received;
        try
        {
            received = element.Deserialize<WebhookEvent>(IngestionJson.Options);
        }
        catch (JsonException e)
        {
            return (false, null, EventOutcome.Refusal(null, null, [Error.Validation("request.malformed_json", "The event is not valid JSON for a webhook event.", e.Path)]));
        }

        if (received is null)
        {
            return (false, null, EventOutcome.Refusal(null, null, [Error.Validation("request.empty", "An event object is required.")]));
        }

        var command = validator.Validate(caller, tenant, received);
        return command.IsSuccess
            ? (true, command.Value, null)
            : (false, null, EventOutcome.Refusal(EventId.TryCreate(received.EventId).IsSuccess ? received.EventId : null, received.Type, command.Errors));
    }

    private async Task<EventOutcome> ProcessValidAsync(Tenant tenant, IngestionCommand command, string eventJson, string hash, CancellationToken cancellationToken)
    {
        var type = IngestionEventTypes.ToName(command.Type);
        var now = clock.GetUtcNow();
        var previous = await idempotency.FindAsync(tenant, command.EventId, cancellationToken);
        if (previous is not null && previous.Holds(now))
        {
            return await ReplayAsync(tenant, command.EventId, type, hash, previous, cancellationToken);
        }

        var applied = await applier.ApplyAsync(tenant, command, eventJson, cancellationToken);
        var outcome = EventOutcome.Of(command, applied);
        if (!EventApplier.IsFinal(applied))
        {
            LogRefused(logger, tenant.Code.Value, command.EventId.Value, type, applied.Errors[0].Code);
            return outcome;
        }

        var record = new IdempotencyRecord(command.EventId, hash, outcome, now, now + options.Value.IdempotencyRetention);
        var earlier = await idempotency.AddAsync(tenant, record, cancellationToken);
        if (earlier is not null)
        {
            return await ReplayAsync(tenant, command.EventId, type, hash, earlier, cancellationToken);
        }

        LogProcessed(logger, tenant.Code.Value, command.EventId.Value, type, outcome.Result);
        return outcome;
    }

    /// <summary>
    /// "Prefer: respond-async": the event (encrypted) and its idempotency record are stored in one write, its work
    /// item is queued, and the answer is "queued"; <see cref="QueuedEventApplier"/> applies it later.
    /// </summary>
    private async Task<EventOutcome> QueueAsync(Tenant tenant, IngestionCommand command, string eventJson, string hash, bool site, CancellationToken cancellationToken)
    {
        var type = IngestionEventTypes.ToName(command.Type);
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord(command.EventId, hash, EventOutcome.Queueing(command.EventId.Value, type), now, now + options.Value.IdempotencyRetention)
        {
            PendingEvent = eventJson,
            FromSite = site,
        };
        var earlier = await idempotency.AddAsync(tenant, record, cancellationToken);
        if (earlier is not null)
        {
            return await ReplayAsync(tenant, command.EventId, type, hash, earlier, cancellationToken);
        }

        await SendFirstTryAsync(tenant, command.EventId, cancellationToken);
        LogQueued(logger, tenant.Code.Value, command.EventId.Value, type);
        return record.Outcome;
    }

    private Task SendFirstTryAsync(Tenant tenant, EventId eventId, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(QueuedEventWork.FirstTry(tenant, eventId), TimeSpan.Zero, cancellationToken);

    private async Task<EventOutcome> ReplayAsync(Tenant tenant, EventId eventId, string type, string hash, IdempotencyRecord previous, CancellationToken cancellationToken)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(previous.RequestHash), Encoding.ASCII.GetBytes(hash)))
        {
            LogRefused(logger, tenant.Code.Value, eventId.Value, type, "event.id_reused");
            return EventOutcome.Refusal(eventId.Value, type,
                [Error.Conflict("event.id_reused", "This event id was already used for a different event; nothing was changed.")]);
        }

        if (previous.Outcome.IsQueued)
        {
            // Queue it again: the earlier delivery may have stored the event and failed before its work item was sent.
            // A work item for an event no longer queued is dropped by the applier, so a second one is harmless.
            await SendFirstTryAsync(tenant, eventId, cancellationToken);
        }

        LogReplayed(logger, tenant.Code.Value, eventId.Value, type);
        return previous.Outcome with { Replayed = true };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant}: {Result}")]
    private static partial void LogProcessed(ILogger logger, string tenant, string eventId, string eventType, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string tenant, string eventId, string eventType, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant} queued")]
    private static partial void LogQueued(ILogger logger, string tenant, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant} replayed the stored outcome")]
    private static partial void LogReplayed(ILogger logger, string tenant, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A vaccination-site event for tenant {Tenant} carried a My Number and was discarded unread")]
    private static partial void LogSiteMyNumberRefused(ILogger logger, string tenant);
}
