using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Ingestion;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// POST /api/municipalities/{code}/vrs/events and .../vrs/events/batch: bearer token (roles vrs, vaccination-site),
/// then the exact body and its signature headers go to the ingestion service. The answer is sent only after the
/// change is stored, or, when a single event's sender asks for it with "Prefer: respond-async" (RFC 7240), once the
/// event is stored and queued: 202 with the event's status URL, GET .../vrs/events/{eventId}.
/// </summary>
public sealed class IngestionEndpoints(CallerAuthenticator authenticator, WebhookIngestionService ingestion)
{
    public const int MaxEventBytes = 256 * 1024;
    public const int MaxBatchBytes = 8 * 1024 * 1024;

    public async Task<IResult> PostEventAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var delivery = await ReadDeliveryAsync(request, MaxEventBytes, cancellationToken);
        if (!delivery.IsSuccess)
        {
            return ProblemResponses.From(delivery.Errors);
        }

        var respondAsync = PreferHeader.RespondAsync(request.Headers);
        var outcome = await ingestion.ReceiveAsync(caller.Value, municipalityCode, delivery.Value, respondAsync, cancellationToken);
        if (outcome is { IsSuccess: true, Value.IsQueued: true })
        {
            request.HttpContext.Response.Headers.Location = $"/{ApiRoutes.Prefix}/municipalities/{municipalityCode}/vrs/events/{Uri.EscapeDataString(outcome.Value.EventId!)}";
            request.HttpContext.Response.Headers[PreferHeader.AppliedName] = PreferHeader.RespondAsyncToken;
        }

        return IngestionResponses.From(outcome);
    }

    public async Task<IResult> GetEventAsync(HttpRequest request, string municipalityCode, string eventId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var outcome = await ingestion.GetOutcomeAsync(caller.Value, municipalityCode, eventId, cancellationToken);
        return outcome.IsSuccess ? Results.Json(IngestionResponses.ToResponse(outcome.Value), JsonBody.Options) : ProblemResponses.From(outcome.Errors);
    }

    public async Task<IResult> PostBatchAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var delivery = await ReadDeliveryAsync(request, MaxBatchBytes, cancellationToken);
        return delivery.IsSuccess
            ? IngestionResponses.From(await ingestion.ReceiveBatchAsync(caller.Value, municipalityCode, delivery.Value, cancellationToken))
            : ProblemResponses.From(delivery.Errors);
    }

    private static async Task<Domain.Results.Result<WebhookDelivery>> ReadDeliveryAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await RawBody.ReadAsync(request, maxBytes, cancellationToken);
        if (!body.IsSuccess)
        {
            return Domain.Results.Result<WebhookDelivery>.Failure(body.Errors);
        }

        return new WebhookDelivery(
            request.Headers[WebhookSignature.TimestampHeader].ToString(),
            request.Headers[WebhookSignature.SignatureHeader].ToString(),
            body.Value);
    }
}
