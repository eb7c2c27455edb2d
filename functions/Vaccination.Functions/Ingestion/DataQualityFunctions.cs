using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Ingestion;

/// <summary>Staff endpoints on data-quality flags.</summary>
public sealed class DataQualityFunctions(DataQualityEndpoints endpoints)
{
    [Function(nameof(ListDataQualityFlags))]
    public Task<IActionResult> ListDataQualityFlags(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DataQuality)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(ResolveDataQualityFlag))]
    public Task<IActionResult> ResolveDataQualityFlag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DataQualityResolution)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        string flagId,
        CancellationToken cancellationToken) =>
        endpoints.ResolveAsync(request, municipalityCode, subjectId, flagId, cancellationToken).AsActionResult();
}
