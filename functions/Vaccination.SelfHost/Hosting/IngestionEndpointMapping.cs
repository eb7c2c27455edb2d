using Microsoft.OpenApi;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the VRS ingestion routes (webhook, bulk import, data quality, confirmed-record lock) with OpenAPI metadata.</summary>
internal static class IngestionEndpointMapping
{
    private const string WebhookDescription =
        "Bearer token with role vrs or vaccination-site for the route's municipality, and a signature: header X-Vrs-Timestamp " +
        "(Unix seconds, within 5 minutes of the server clock) and header X-Vrs-Signature = \"v1=\" + hex(HMAC-SHA-256(tenant webhook " +
        "secret, timestamp + \".\" + exact body bytes)). Each event carries an eventId: a replay returns the stored outcome " +
        "(replayed = true) and changes nothing. Vaccination sites may only send dose.recorded by ticketNumber and never a My Number.";

    private const string RespondAsyncDescription =
        " With header \"Prefer: respond-async\" (RFC 7240) a valid event is answered 202 (result \"queued\", header " +
        "Preference-Applied: respond-async, Location: the event's status URL) as soon as it is stored, encrypted, and queued; " +
        "checks that need stored data (the ticket, dose order, the confirmed-record lock) then happen when it is applied, and " +
        "their outcome is read at GET .../vrs/events/{eventId}. Queued events of one person may be applied out of order: " +
        "a refusal for a missing earlier event (subject, ticket or previous dose unknown) is tried again for about 30 seconds " +
        "before it becomes the answer. Checks of the event alone (signature, fields, code list, dates) are answered at once. " +
        "An acknowledged event is never lost: if it is not applied within minutes (an instance stopped), its work is sent again, " +
        "and an event that still cannot be applied is answered refused with event.not_applied (send it again; the id may be " +
        "reused, and applying it again is safe).";

    public static RouteGroupBuilder MapIngestion(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.VrsEvents, (HttpRequest request, string municipalityCode, IngestionEndpoints endpoint, CancellationToken ct) =>
                endpoint.PostEventAsync(request, municipalityCode, ct))
            .WithName("PostVrsEvent").WithTags("VRS ingestion")
            .WithSummary("Receive one VRS webhook event").WithDescription(WebhookDescription + RespondAsyncDescription)
            .AddOpenApiOperationTransformer(AddSignatureHeaders)
            .AddOpenApiOperationTransformer(AddPreferHeader)
            .Accepts<WebhookEvent>("application/json")
            .Produces<EventResponse>().Produces<EventResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(ApiRoutes.VrsEventBatch, (HttpRequest request, string municipalityCode, IngestionEndpoints endpoint, CancellationToken ct) =>
                endpoint.PostBatchAsync(request, municipalityCode, ct))
            .WithName("PostVrsEventBatch").WithTags("VRS ingestion")
            .WithSummary("Receive up to 500 VRS webhook events; each is answered on its own").WithDescription(WebhookDescription)
            .AddOpenApiOperationTransformer(AddSignatureHeaders)
            .Accepts<WebhookBatch>("application/json")
            .Produces<BatchResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.VrsEvent, (HttpRequest request, string municipalityCode, string eventId, IngestionEndpoints endpoint, CancellationToken ct) =>
                endpoint.GetEventAsync(request, municipalityCode, eventId, ct))
            .WithName("GetVrsEvent").WithTags("VRS ingestion")
            .WithSummary("The recorded answer to an event id: queued, applied or refused")
            .WithDescription(
                "Roles vrs and vaccination-site (sites see only events that sites sent, without the subject id). The body is the event's " +
                "answer; its status field is 202 while the event is queued, 200 once applied, or the refusal's status with every error. " +
                "404 not_found when no answer is on record (unknown or expired id, or a refusal answered synchronously).")
            .Produces<EventResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.VrsImports, (HttpRequest request, string municipalityCode, VrsImportEndpoints endpoint, CancellationToken ct) =>
                endpoint.PostAsync(request, municipalityCode, ct))
            .WithName("PostVrsImport").WithTags("VRS ingestion")
            .WithSummary("Bulk import of a VRS CSV export (municipal staff)")
            .WithDescription(
                "Body: the VRS CSV export (text/csv, UTF-8 or charset=shift_jis): 個別宛名番号, then per dose 接種履歴登録日時, 接種日, 券番号, " +
                "接種自治体コード, 接種会場名, 接種医師名, ワクチンメーカー, ロット番号. The answer (application/x-ndjson) streams " +
                "{\"kind\":\"progress\"} after each 1,000 lines, {\"kind\":\"error\"} per refused line (line, subjectId, code, field, message) " +
                "and a final {\"kind\":\"summary\"}. A line is applied whole or not at all; refused lines never stop the others.")
            .Accepts<string>("text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.DataQuality, (HttpRequest request, string municipalityCode, DataQualityEndpoints endpoint, CancellationToken ct) =>
                endpoint.ListAsync(request, municipalityCode, ct))
            .WithName("ListDataQualityFlags").WithTags("Data quality")
            .WithSummary("List the municipality's data-quality flags (query: includeResolved=true, limit=1..1000)")
            .Produces<IReadOnlyList<DataQualityFlagView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.DataQualityResolution,
                (HttpRequest request, string municipalityCode, string subjectId, string flagId, DataQualityEndpoints endpoint, CancellationToken ct) =>
                    endpoint.ResolveAsync(request, municipalityCode, subjectId, flagId, ct))
            .WithName("ResolveDataQualityFlag").WithTags("Data quality")
            .Produces<DataQualityFlagView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.ReviewItems, (HttpRequest request, string municipalityCode, ConfirmationEndpoints endpoint, CancellationToken ct) =>
                endpoint.ListReviewItemsAsync(request, municipalityCode, ct))
            .WithName("ListReviewItems").WithTags("Data quality")
            .WithSummary("Events refused because they would have changed a confirmed record")
            .Produces<IReadOnlyList<ReviewItem>>().ProducesProblem(StatusCodes.Status404NotFound);

        if (((IEndpointRouteBuilder)api).ServiceProvider.GetService<DevelopmentWebhookSecretEndpoint>() is not null)
        {
            api.MapPost(ApiRoutes.DevelopmentWebhookSecrets, (HttpRequest request, DevelopmentWebhookSecretEndpoint endpoint, CancellationToken ct) =>
                    endpoint.PostAsync(request, ct))
                .WithName("PostDevelopmentWebhookSecret").WithTags("Development")
                .Accepts<DevelopmentWebhookSecretRequest>("application/json")
                .Produces<DevelopmentWebhookSecretResponse>().ProducesValidationProblem();
        }

        return api;
    }

    private static Task AddPreferHeader(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        AddHeader(operation, PreferHeader.Name, required: false,
            "\"respond-async\": answer 202 once the event is stored and queued, and apply it in the background.");
        return Task.CompletedTask;
    }

    private static Task AddSignatureHeaders(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        AddHeader(operation, WebhookSignature.TimestampHeader, required: true,
            "Time of signing, Unix seconds; refused when more than 5 minutes from the server clock.");
        AddHeader(operation, WebhookSignature.SignatureHeader, required: true,
            "\"v1=\" + lower-case hex HMAC-SHA-256 under the tenant's webhook secret of timestamp + \".\" + the exact body.");
        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiOperation operation, string name, bool required, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
