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
/// sender can fix is not recorded, so the corrected event may reuse its id.
/// </summary>
public sealed partial class EventProcessor(
    WebhookEventValidator validator,
    EventApplier applier,
    IIdempotencyStore idempotency,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<EventProcessor> logger)
{
    public async Task<EventOutcome> ProcessAsync(Caller caller, Tenant tenant, JsonElement element, byte[] secret, CancellationToken cancellationToken)
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

        WebhookEvent? received;
        try
        {
            received = element.Deserialize<WebhookEvent>(IngestionJson.Options);
        }
        catch (JsonException e)
        {
            return EventOutcome.Refusal(null, null, [Error.Validation("request.malformed_json", "The event is not valid JSON for a webhook event.", e.Path)]);
        }

        if (received is null)
        {
            return EventOutcome.Refusal(null, null, [Error.Validation("request.empty", "An event object is required.")]);
        }

        var command = validator.Validate(caller, tenant, received);
        if (!command.IsSuccess)
        {
            return EventOutcome.Refusal(EventId.TryCreate(received.EventId).IsSuccess ? received.EventId : null, received.Type, command.Errors);
        }

        var outcome = await ProcessValidAsync(tenant, command.Value, element.GetRawText(), secret, cancellationToken);
        return site ? outcome with { SubjectId = null } : outcome;
    }

    private async Task<EventOutcome> ProcessValidAsync(Tenant tenant, IngestionCommand command, string eventJson, byte[] secret, CancellationToken cancellationToken)
    {
        var type = IngestionEventTypes.ToName(command.Type);
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(eventJson)));
        var now = clock.GetUtcNow();
        var previous = await idempotency.FindAsync(tenant, command.EventId, cancellationToken);
        if (previous is not null && previous.ExpiresAt > now)
        {
            return Replay(tenant, command.EventId, type, hash, previous);
        }

        var applied = await applier.ApplyAsync(tenant, command, eventJson, cancellationToken);
        var outcome = applied.IsSuccess
            ? new EventOutcome(command.EventId.Value, type, EventOutcome.Applied, applied.Value.SubjectId.Value, applied.Value.Dose?.Value,
                applied.Value.Flags.Select(f => f.Code).Distinct().ToList(), [])
            : EventOutcome.Refusal(command.EventId.Value, type, applied.Errors);
        var final = applied.IsSuccess || applied.Errors[0].Code == EventApplier.ConfirmedCode;
        if (!final)
        {
            LogRefused(logger, tenant.Code.Value, command.EventId.Value, type, applied.Errors[0].Code);
            return outcome;
        }

        var record = new IdempotencyRecord(command.EventId, hash, outcome, now, now + options.Value.IdempotencyRetention);
        var earlier = await idempotency.AddAsync(tenant, record, cancellationToken);
        if (earlier is not null)
        {
            return Replay(tenant, command.EventId, type, hash, earlier);
        }

        LogProcessed(logger, tenant.Code.Value, command.EventId.Value, type, outcome.Result);
        return outcome;
    }

    private EventOutcome Replay(Tenant tenant, EventId eventId, string type, string hash, IdempotencyRecord previous)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(previous.RequestHash), Encoding.ASCII.GetBytes(hash)))
        {
            LogRefused(logger, tenant.Code.Value, eventId.Value, type, "event.id_reused");
            return EventOutcome.Refusal(eventId.Value, type,
                [Error.Conflict("event.id_reused", "This event id was already used for a different event; nothing was changed.")]);
        }

        LogReplayed(logger, tenant.Code.Value, eventId.Value, type);
        return previous.Outcome with { Replayed = true };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant}: {Result}")]
    private static partial void LogProcessed(ILogger logger, string tenant, string eventId, string eventType, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string tenant, string eventId, string eventType, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "VRS event {EventId} ({EventType}) for tenant {Tenant} replayed the stored outcome")]
    private static partial void LogReplayed(ILogger logger, string tenant, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A vaccination-site event for tenant {Tenant} carried a My Number and was discarded unread")]
    private static partial void LogSiteMyNumberRefused(ILogger logger, string tenant);
}
