using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Ingestion;

/// <summary>The confirmed-record lock and the review list of refused events.</summary>
public sealed class ConfirmationFunctions(ConfirmationEndpoints endpoints)
{
    [Function(nameof(ConfirmSubject))]
    public Task<IActionResult> ConfirmSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.SubjectConfirmation)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        CancellationToken cancellationToken) =>
        endpoints.PutAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();

    [Function(nameof(ReleaseSubjectConfirmation))]
    public Task<IActionResult> ReleaseSubjectConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.SubjectConfirmation)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        CancellationToken cancellationToken) =>
        endpoints.DeleteAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();

    [Function(nameof(ListReviewItems))]
    public Task<IActionResult> ListReviewItems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReviewItems)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.ListReviewItemsAsync(request, municipalityCode, cancellationToken).AsActionResult();
}
