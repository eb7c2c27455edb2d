using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Ingestion;

/// <summary>The VRS webhook (one event, a batch); authentication, signature and tenant checks happen in the shared endpoints.</summary>
public sealed class IngestionFunctions(IngestionEndpoints endpoints)
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
}
