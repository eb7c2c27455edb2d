using Microsoft.AspNetCore.Http;
using Vaccination.Api.Audit;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Callers;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// Inter-municipality exchange (F4): inquiries and bulk inquiries by the new municipality's staff, the review queue of
/// the former municipality's staff, and each municipality's own provision record. Each endpoint authenticates, reads
/// the body, calls one service and maps the result.
/// </summary>
public sealed class ExchangeEndpoints(
    CallerAuthenticator authenticator,
    InquiryService inquiries,
    ProvisionService provisions,
    ExchangeRecordService records)
{
    /// <summary>A bulk inquiry file of 20,000 lines is about 1.4 MB; anything much larger is refused unread.</summary>
    public const int MaxCsvBytes = 4 * 1024 * 1024;

    public async Task<IResult> PostInquiryAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<InquiryRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        var accepted = await inquiries.CreateAsync(caller.Value, municipalityCode, body.Value, cancellationToken);
        if (accepted.IsSuccess)
        {
            ConcernsSubject(request, body.Value.SubjectId);
        }

        return Accepted(accepted);
    }

    public Task<IResult> GetInquiryAsync(HttpRequest request, string municipalityCode, string inquiryId, CancellationToken cancellationToken) =>
        WithCallerAsync(request, async caller =>
        {
            var inquiry = await inquiries.GetAsync(caller, municipalityCode, inquiryId, cancellationToken);
            if (inquiry.IsSuccess)
            {
                ConcernsSubject(request, inquiry.Value.SubjectId);
            }

            return inquiry;
        }, cancellationToken);

    public async Task<IResult> PostJobAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var csv = await RawBody.ReadUtf8Async(request, MaxCsvBytes, cancellationToken);
        return csv.IsSuccess
            ? Accepted(await inquiries.CreateBulkAsync(caller.Value, municipalityCode, csv.Value, cancellationToken))
            : ProblemResponses.From(csv.Errors);
    }

    public Task<IResult> GetJobAsync(HttpRequest request, string municipalityCode, string jobId, CancellationToken cancellationToken) =>
        WithCallerAsync(request, caller => inquiries.GetJobAsync(caller, municipalityCode, jobId, cancellationToken), cancellationToken);

    public async Task<IResult> GetJobResultAsync(HttpRequest request, string municipalityCode, string jobId, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await inquiries.GetJobResultAsync(caller.Value, municipalityCode, jobId, cancellationToken);
        return result.IsSuccess ? Results.Text(result.Value, "text/csv; charset=utf-8") : ProblemResponses.From(result.Errors);
    }

    public Task<IResult> ListReviewsAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        WithCallerAsync(request, caller => provisions.ListReviewsAsync(caller, municipalityCode, cancellationToken), cancellationToken);

    public Task<IResult> ApproveAsync(HttpRequest request, string municipalityCode, string reviewId, CancellationToken cancellationToken) =>
        DecideAsync(request, municipalityCode, reviewId, approve: true, cancellationToken);

    public Task<IResult> RefuseAsync(HttpRequest request, string municipalityCode, string reviewId, CancellationToken cancellationToken) =>
        DecideAsync(request, municipalityCode, reviewId, approve: false, cancellationToken);

    public Task<IResult> ListRecordsAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inquiryId = request.Query["inquiryId"].FirstOrDefault();
        return WithCallerAsync(request, caller => records.ListAsync(caller, municipalityCode, inquiryId, cancellationToken), cancellationToken);
    }

    /// <summary>A staff decision on a held provision; its audit entry names the person (the route names only the review).</summary>
    private Task<IResult> DecideAsync(HttpRequest request, string municipalityCode, string reviewId, bool approve, CancellationToken cancellationToken) =>
        WithCallerAsync(request, async caller =>
        {
            var decided = await provisions.DecideAsync(caller, municipalityCode, reviewId, approve, cancellationToken);
            if (decided.IsSuccess)
            {
                ConcernsSubject(request, decided.Value.SubjectId);
            }

            return decided;
        }, cancellationToken);

    /// <summary>Names the person in the request's audit entry: the routes of inquiries and reviews carry no subject id.</summary>
    private static void ConcernsSubject(HttpRequest request, string? subjectId)
    {
        if (SubjectId.TryCreate(subjectId) is { IsSuccess: true } subject)
        {
            RequestAudit.Concerns(request.HttpContext, subject.Value);
        }
    }

    private async Task<IResult> WithCallerAsync<T>(HttpRequest request, Func<Caller, Task<Result<T>>> call, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var result = await call(caller.Value);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    private static IResult Accepted(Result<InquiryAccepted> result) =>
        result.IsSuccess ? Results.Json(result.Value, JsonBody.Options, statusCode: StatusCodes.Status202Accepted) : ProblemResponses.From(result.Errors);
}
