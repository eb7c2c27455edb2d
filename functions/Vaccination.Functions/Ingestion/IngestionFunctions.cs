using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Vaccination.Application.Ingestion;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;
using Vaccination.Infrastructure.Ingestion;

namespace Vaccination.Functions.Ingestion;

/// <summary>
/// The VRS webhook (one event, a batch, an event's answer), the queue trigger that applies events accepted with
/// "Prefer: respond-async", and the bulk import of the VRS CSV export; authentication, signature and tenant checks
/// happen in the shared endpoints.
/// </summary>
public sealed partial class IngestionFunctions(IngestionEndpoints endpoints, VrsImportEndpoints imports, QueuedEventApplier queued, ILogger<IngestionFunctions> logger)
{
    [Function(nameof(PostVrsEvent))]
    public Task<IActionResult> PostVrsEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VrsEvents)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.PostEventAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(PostVrsEventBatch))]
    public Task<IActionResult> PostVrsEventBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VrsEventBatch)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.PostBatchAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GetVrsEvent))]
    public Task<IActionResult> GetVrsEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.VrsEvent)] HttpRequest request,
        string municipalityCode,
        string eventId,
        CancellationToken cancellationToken) =>
        endpoints.GetEventAsync(request, municipalityCode, eventId, cancellationToken).AsActionResult();

    [Function(nameof(ApplyQueuedVrsEvent))]
    public Task ApplyQueuedVrsEvent([QueueTrigger("%IngestionQueueName%")] string message, CancellationToken cancellationToken) =>
        queued.ApplyAsync(StorageQueuedEventSender.Read(message), cancellationToken);

    [Function(nameof(RecordQueuedVrsEventPoison))]
    public void RecordQueuedVrsEventPoison([QueueTrigger("%IngestionQueueName%-poison")] string message) =>
        LogPoison(logger, message.Length);

    [Function(nameof(PostVrsImport))]
    public Task<IActionResult> PostVrsImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VrsImports)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        imports.PostAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [LoggerMessage(Level = LogLevel.Error, Message = "A queued VRS event's work item failed five times and was moved to the poison queue ({Length} characters); the re-drive sweep sends its work again within minutes, and answers it event.not_applied after three re-drives")]
    private static partial void LogPoison(ILogger logger, int length);
}
