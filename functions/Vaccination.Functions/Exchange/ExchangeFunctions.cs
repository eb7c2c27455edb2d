using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Exchange;

/// <summary>Exchange staff endpoints; authentication and tenant checks happen in the shared endpoints.</summary>
public sealed class ExchangeFunctions(ExchangeEndpoints endpoints)
{
    [Function(nameof(PostInquiry))]
    public Task<IActionResult> PostInquiry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Inquiries)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.PostInquiryAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GetInquiry))]
    public Task<IActionResult> GetInquiry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Inquiry)] HttpRequest request, string municipalityCode, string inquiryId, CancellationToken cancellationToken) =>
        endpoints.GetInquiryAsync(request, municipalityCode, inquiryId, cancellationToken).AsActionResult();

    [Function(nameof(PostInquiryJob))]
    public Task<IActionResult> PostInquiryJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.InquiryJobs)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.PostJobAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GetInquiryJob))]
    public Task<IActionResult> GetInquiryJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.InquiryJob)] HttpRequest request, string municipalityCode, string jobId, CancellationToken cancellationToken) =>
        endpoints.GetJobAsync(request, municipalityCode, jobId, cancellationToken).AsActionResult();

    [Function(nameof(GetInquiryJobResult))]
    public Task<IActionResult> GetInquiryJobResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.InquiryJobResult)] HttpRequest request, string municipalityCode, string jobId, CancellationToken cancellationToken) =>
        endpoints.GetJobResultAsync(request, municipalityCode, jobId, cancellationToken).AsActionResult();

    [Function(nameof(ListProvisionReviews))]
    public Task<IActionResult> ListProvisionReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ProvisionReviews)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.ListReviewsAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(ApproveProvision))]
    public Task<IActionResult> ApproveProvision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ProvisionReviewApproval)] HttpRequest request, string municipalityCode, string reviewId, CancellationToken cancellationToken) =>
        endpoints.ApproveAsync(request, municipalityCode, reviewId, cancellationToken).AsActionResult();

    [Function(nameof(RefuseProvision))]
    public Task<IActionResult> RefuseProvision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ProvisionReviewRefusal)] HttpRequest request, string municipalityCode, string reviewId, CancellationToken cancellationToken) =>
        endpoints.RefuseAsync(request, municipalityCode, reviewId, cancellationToken).AsActionResult();

    [Function(nameof(ListExchangeRecords))]
    public Task<IActionResult> ListExchangeRecords(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExchangeRecords)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.ListRecordsAsync(request, municipalityCode, cancellationToken).AsActionResult();
}
