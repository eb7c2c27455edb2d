using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Ingestion;

/// <summary>The VRS webhook (one event, a batch) and the bulk import of the VRS CSV export; authentication, signature and tenant checks happen in the shared endpoints.</summary>
public sealed class IngestionFunctions(IngestionEndpoints endpoints, VrsImportEndpoints imports)
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

    [Function(nameof(PostVrsImport))]
    public Task<IActionResult> PostVrsImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VrsImports)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        imports.PostAsync(request, municipalityCode, cancellationToken).AsActionResult();
}
