using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Ingestion;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// POST /api/municipalities/{code}/vrs/events and .../vrs/events/batch: bearer token (roles vrs, vaccination-site),
/// then the exact body and its signature headers go to the ingestion service. The answer is sent only after the
/// change is stored.
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
        return delivery.IsSuccess
            ? IngestionResponses.From(await ingestion.ReceiveAsync(caller.Value, municipalityCode, delivery.Value, cancellationToken))
            : ProblemResponses.From(delivery.Errors);
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
