using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The VRS webhook: resolves the caller's tenant (roles vrs and vaccination-site), verifies the HMAC signature over
/// the exact body under the tenant's secret, and processes one event or a batch. Nothing of the body is read before
/// the signature is verified.
/// </summary>
public sealed class WebhookIngestionService(
    TenantAccess access, IWebhookSecretProvider secrets, EventProcessor processor, IIdempotencyStore idempotency, TimeProvider clock)
{
    private static readonly CallerRole[] Roles = [CallerRole.Vrs, CallerRole.VaccinationSite];
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>
    /// Receives one event; with <paramref name="respondAsync"/> (the sender's "Prefer: respond-async") a valid event
    /// is answered "queued" once it is stored and queued, and applied in the background.
    /// </summary>
    public async Task<Result<EventOutcome>> ReceiveAsync(
        Caller caller, string municipalityCode, WebhookDelivery delivery, bool respondAsync, CancellationToken cancellationToken)
    {
        var verified = await VerifyAsync(caller, municipalityCode, delivery, cancellationToken);
        if (!verified.IsSuccess)
        {
            return Result<EventOutcome>.Failure(verified.Errors);
        }

        var (tenant, secret, document) = verified.Value;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error.Validation("request.malformed_json", "The body is one event object.");
            }

            return await processor.ProcessAsync(caller, tenant, document.RootElement, secret, respondAsync, cancellationToken);
        }
    }

    public async Task<Result<BatchOutcome>> ReceiveBatchAsync(Caller caller, string municipalityCode, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var verified = await VerifyAsync(caller, municipalityCode, delivery, cancellationToken);
        if (!verified.IsSuccess)
        {
            return Result<BatchOutcome>.Failure(verified.Errors);
        }

        var (tenant, secret, document) = verified.Value;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return Error.Validation("batch.events_required", "The body is an object with an \"events\" array.", "events");
            }

            var count = events.GetArrayLength();
            if (count is 0 or > WebhookBatch.MaxEvents)
            {
                return Error.Validation("batch.size", $"A batch holds 1 to {WebhookBatch.MaxEvents} events.", "events");
            }

            var results = new List<EventOutcome>(count);
            var index = 0;
            foreach (var element in events.EnumerateArray())
            {
                var outcome = await processor.ProcessAsync(caller, tenant, element, secret, respondAsync: false, cancellationToken);
                results.Add(outcome with { Errors = outcome.Errors.Select(e => e with { Field = Prefixed(index, e.Field) }).ToList() });
                index++;
            }

            return new BatchOutcome(
                results.Count(r => r.IsApplied && !r.Replayed), results.Count(r => !r.IsApplied && !r.Replayed), results.Count(r => r.Replayed), results);
        }
    }

    /// <summary>
    /// The recorded answer to an event id: "queued" until a queued event is applied, then its outcome. Vaccination
    /// sites see only events that sites sent, and never the subject id.
    /// </summary>
    public async Task<Result<EventOutcome>> GetOutcomeAsync(Caller caller, string municipalityCode, string eventId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Roles);
        if (!tenant.IsSuccess)
        {
            return Result<EventOutcome>.Failure(tenant.Errors);
        }

        var site = caller.Role == CallerRole.VaccinationSite;
        var id = Domain.Ingestion.EventId.TryCreate(eventId);
        var record = id.IsSuccess ? await idempotency.FindAsync(tenant.Value, id.Value, cancellationToken) : null;
        if (record is null || record.ExpiresAt <= clock.GetUtcNow() || (site && !record.FromSite))
        {
            // The same 404 as for another tenant's route, so that a denial reveals nothing.
            return Error.NotFound();
        }

        return site ? record.Outcome with { SubjectId = null } : record.Outcome;
    }

    private async Task<Result<(Tenant, byte[], JsonDocument)>> VerifyAsync(
        Caller caller, string municipalityCode, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var tenant = access.Resolve(caller, municipalityCode, Roles);
        if (!tenant.IsSuccess)
        {
            return Result<(Tenant, byte[], JsonDocument)>.Failure(tenant.Errors);
        }

        var secret = await secrets.GetSecretAsync(tenant.Value, cancellationToken);
        var signature = WebhookSignature.Verify(secret, delivery, clock.GetUtcNow());
        if (!signature.IsSuccess)
        {
            return Result<(Tenant, byte[], JsonDocument)>.Failure(signature.Errors);
        }

        if (!Utf8.IsValid(delivery.Body.Span))
        {
            // JsonDocument checks string contents only when they are read (as the S4 screen does): refuse up front.
            return Error.Validation("request.invalid_utf8", "The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(delivery.Body, DocumentOptions);
        }
        catch (JsonException)
        {
            return Error.Validation("request.malformed_json", "The body is not valid JSON.");
        }

        if (HasUndecodableText(document.RootElement))
        {
            document.Dispose();
            return Error.Validation("request.malformed_json", "The body holds a string that is not valid Unicode (a lone surrogate escape).");
        }

        return (tenant.Value, secret, document);
    }

    /// <summary>
    /// True when a property name or string value cannot be read as text (an escaped lone surrogate such as "\ud800"):
    /// JsonDocument accepts it, and reading it later (the S4 screen, the event's fields) would throw.
    /// </summary>
    private static bool HasUndecodableText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name is null || HasUndecodableText(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().Any(HasUndecodableText),
                JsonValueKind.String => element.GetString() is null,
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Prefixed(int index, string? field) =>
        string.Create(CultureInfo.InvariantCulture, $"events[{index}]") + (field is null ? string.Empty : "." + field);
}
