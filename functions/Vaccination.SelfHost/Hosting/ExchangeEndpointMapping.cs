using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Exchange;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the exchange routes with OpenAPI metadata.</summary>
internal static class ExchangeEndpointMapping
{
    public static RouteGroupBuilder MapExchange(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.Inquiries, (HttpRequest request, string municipalityCode, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.PostInquiryAsync(request, municipalityCode, ct))
            .WithName("PostInquiry").WithTags("Exchange")
            .Accepts<InquiryRequest>("application/json")
            .Produces<InquiryAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.Inquiry, (HttpRequest request, string municipalityCode, string inquiryId, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetInquiryAsync(request, municipalityCode, inquiryId, ct))
            .WithName("GetInquiry").WithTags("Exchange")
            .Produces<InquiryView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.InquiryJobs, (HttpRequest request, string municipalityCode, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.PostJobAsync(request, municipalityCode, ct))
            .WithName("PostInquiryJob").WithTags("Exchange")
            .Accepts<string>("text/csv")
            .Produces<InquiryAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.InquiryJob, (HttpRequest request, string municipalityCode, string jobId, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetJobAsync(request, municipalityCode, jobId, ct))
            .WithName("GetInquiryJob").WithTags("Exchange")
            .Produces<InquiryJobView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.InquiryJobResult, (HttpRequest request, string municipalityCode, string jobId, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetJobResultAsync(request, municipalityCode, jobId, ct))
            .WithName("GetInquiryJobResult").WithTags("Exchange")
            .Produces<string>(contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiRoutes.ProvisionReviews, (HttpRequest request, string municipalityCode, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.ListReviewsAsync(request, municipalityCode, ct))
            .WithName("ListProvisionReviews").WithTags("Exchange")
            .Produces<IReadOnlyList<ProvisionReviewView>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.ProvisionReviewApproval, (HttpRequest request, string municipalityCode, string reviewId, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.ApproveAsync(request, municipalityCode, reviewId, ct))
            .WithName("ApproveProvision").WithTags("Exchange")
            .Produces<ProvisionReviewView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(ApiRoutes.ProvisionReviewRefusal, (HttpRequest request, string municipalityCode, string reviewId, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.RefuseAsync(request, municipalityCode, reviewId, ct))
            .WithName("RefuseProvision").WithTags("Exchange")
            .Produces<ProvisionReviewView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet(ApiRoutes.ExchangeRecords, (HttpRequest request, string municipalityCode, ExchangeEndpoints endpoints, CancellationToken ct) =>
                endpoints.ListRecordsAsync(request, municipalityCode, ct))
            .WithName("ListExchangeRecords").WithTags("Exchange")
            .Produces<IReadOnlyList<ExchangeRecordView>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
