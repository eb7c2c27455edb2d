using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Ingestion;

/// <summary>The review list of events refused by the confirmed-record lock (the lock itself is in SubjectFlagFunctions).</summary>
public sealed class ConfirmationFunctions(ConfirmationEndpoints endpoints)
{
    [Function(nameof(ListReviewItems))]
    public Task<IActionResult> ListReviewItems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReviewItems)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.ListReviewItemsAsync(request, municipalityCode, cancellationToken).AsActionResult();
}
