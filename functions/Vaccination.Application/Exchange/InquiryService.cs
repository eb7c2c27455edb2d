using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Staff of the new municipality (A): send an inquiry or a bulk inquiry, and read results and progress. An inquiry is
/// stored (My Number encrypted) and recorded before it is sent, and answered at once with its id.
/// </summary>
public sealed class InquiryService(
    TenantAccess access,
    InquiryRequestValidator validator,
    IInquiryStore inquiries,
    IExchangeRecordStore records,
    InquirySender sender,
    IOptions<ExchangeOptions> options,
    TimeProvider clock,
    ILogger<InquiryService> logger)
{
    private const int SendParallelism = 32;
    private const int ValidationParallelism = 16;
    private const int MaxReportedErrors = 100;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<InquiryAccepted>> CreateAsync(Caller caller, string municipalityCode, InquiryRequest request, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<InquiryAccepted>.Failure(tenant.Errors);
        }

        var valid = await validator.ValidateAsync(tenant.Value, request, string.Empty, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<InquiryAccepted>.Failure(valid.Errors);
        }

        var inquiry = NewInquiry(InquiryId.New(), valid.Value, caller.ActorId);
        await inquiries.CreateAsync(tenant.Value, [inquiry], cancellationToken);
        await records.AppendAsync(tenant.Value, SentRecord(inquiry), cancellationToken);
        if (await sender.TrySendAsync(tenant.Value, inquiry, cancellationToken) is { } sendFailure)
        {
            // Recorded as failed with retry hint "retry"; the host maps the transport outage to 503.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(sendFailure);
        }

        return new InquiryAccepted(inquiry.Id.Value, 1, InquiryPath(tenant.Value, inquiry.Id.Value));
    }

    public async Task<Result<InquiryAccepted>> CreateBulkAsync(Caller caller, string municipalityCode, string csv, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<InquiryAccepted>.Failure(tenant.Errors);
        }

        var lines = BulkInquiryCsv.Parse(csv);
        if (!lines.IsSuccess)
        {
            return Result<InquiryAccepted>.Failure(lines.Errors.Take(MaxReportedErrors).ToList());
        }

        var validated = new Result<ValidInquiry>[lines.Value.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, lines.Value.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ValidationParallelism, CancellationToken = cancellationToken },
            async (i, ct) => validated[i] = await validator.ValidateAsync(tenant.Value, lines.Value[i], BulkInquiryCsv.LineField(i + 1) + ".", ct));
        var errors = validated.Where(v => !v.IsSuccess).SelectMany(v => v.Errors).Take(MaxReportedErrors).ToList();
        if (errors.Count > 0)
        {
            return Result<InquiryAccepted>.Failure(errors);
        }

        var jobId = InquiryId.New().Value;
        var now = clock.GetUtcNow();
        var window = Math.Max(1, options.Value.JobWindow);
        var created = validated.Select((v, i) => NewInquiry(InquiryId.ForJob(jobId, i + 1), v.Value, caller.ActorId) with
        {
            Status = i < window ? InquiryStatus.Awaiting : InquiryStatus.Queued,
        }).ToList();
        await inquiries.CreateJobAsync(tenant.Value,
            new InquiryJob(jobId, created.Count, caller.ActorId, now, now + options.Value.AbortAfter + options.Value.ResultRetention), cancellationToken);
        await inquiries.CreateAsync(tenant.Value, created, cancellationToken);
        await records.AppendManyAsync(tenant.Value, created.Select(SentRecord).ToList(), cancellationToken);

        var failed = 0;
        await Parallel.ForEachAsync(created.Take(window), new ParallelOptions { MaxDegreeOfParallelism = SendParallelism, CancellationToken = cancellationToken },
            async (inquiry, ct) =>
            {
                if (await sender.TrySendAsync(tenant.Value, inquiry, ct) is not null)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        ExchangeLog.JobSent(logger, jobId, tenant.Value.Code.Value, created.Count, failed);
        for (var i = 0; i < failed; i++)
        {
            await sender.SendNextOfJobAsync(tenant.Value, jobId, cancellationToken);
        }

        return new InquiryAccepted(jobId, created.Count, JobPath(tenant.Value, jobId));
    }

    public async Task<Result<InquiryView>> GetAsync(Caller caller, string municipalityCode, string inquiryId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<InquiryView>.Failure(tenant.Errors);
        }

        var id = InquiryId.TryCreate(inquiryId);
        if (!id.IsSuccess)
        {
            return Error.NotFound();
        }

        var inquiry = await inquiries.GetAsync(tenant.Value, id.Value, cancellationToken);
        if (inquiry is null || inquiry.ExpiresAt <= clock.GetUtcNow())
        {
            return Error.NotFound();
        }

        return new InquiryView(inquiry.Id.Value, StatusName(inquiry.Status), inquiry.SubjectId.Value, inquiry.FormerMunicipality.Value,
            inquiry.LegalBasis, inquiry.CreatedAt, inquiry.CompletedAt, inquiry.ExpiresAt, inquiry.Doses, inquiry.FailureReason, inquiry.RetryHint);
    }

    public async Task<Result<InquiryJobView>> GetJobAsync(Caller caller, string municipalityCode, string jobId, CancellationToken cancellationToken)
    {
        var job = await FindJobAsync(caller, municipalityCode, jobId, cancellationToken);
        if (!job.IsSuccess)
        {
            return Result<InquiryJobView>.Failure(job.Errors);
        }

        var (tenant, found) = job.Value;
        var counts = new int[Enum.GetValues<InquiryStatus>().Length];
        await foreach (var summary in inquiries.ListJobAsync(tenant, found.JobId, cancellationToken))
        {
            counts[(int)summary.Status]++;
        }

        return new InquiryJobView(found.JobId, found.Total, counts[(int)InquiryStatus.Awaiting], counts[(int)InquiryStatus.Provided],
            counts[(int)InquiryStatus.NotFound], counts[(int)InquiryStatus.Refused], counts[(int)InquiryStatus.Failed],
            counts[(int)InquiryStatus.Queued], counts[(int)InquiryStatus.Awaiting] + counts[(int)InquiryStatus.Queued] == 0, found.CreatedAt, JobPath(tenant, found.JobId) + "/result");
    }

    /// <summary>The job's result file: one CSV line per mover, without My Numbers (S7).</summary>
    public async Task<Result<string>> GetJobResultAsync(Caller caller, string municipalityCode, string jobId, CancellationToken cancellationToken)
    {
        var job = await FindJobAsync(caller, municipalityCode, jobId, cancellationToken);
        if (!job.IsSuccess)
        {
            return Result<string>.Failure(job.Errors);
        }

        var csv = new StringBuilder("line,subjectId,inquiryId,status,doseCount,failureReason,retry\n");
        await foreach (var s in inquiries.ListJobAsync(job.Value.Tenant, job.Value.Job.JobId, cancellationToken))
        {
            var line = int.Parse(s.InquiryId.AsSpan(33), CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture,
                $"{line},{s.SubjectId},{s.InquiryId},{StatusName(s.Status)},{s.DoseCount},{s.FailureReason},{s.RetryHint}\n");
        }

        return csv.ToString();
    }

    public static string StatusName(InquiryStatus status) => status switch
    {
        InquiryStatus.Awaiting => "awaiting",
        InquiryStatus.Provided => "provided",
        InquiryStatus.NotFound => "not-found",
        InquiryStatus.Refused => "refused",
        InquiryStatus.Queued => "queued",
        _ => "failed",
    };

    private async Task<Result<(Tenant Tenant, InquiryJob Job)>> FindJobAsync(Caller caller, string municipalityCode, string jobId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<(Tenant, InquiryJob)>.Failure(tenant.Errors);
        }

        var job = InquiryId.IsJobId(jobId) ? await inquiries.GetJobAsync(tenant.Value, jobId, cancellationToken) : null;
        return job is null || job.ExpiresAt <= clock.GetUtcNow() ? Error.NotFound() : (tenant.Value, job);
    }

    private StoredInquiry NewInquiry(InquiryId id, ValidInquiry valid, string actor) => new(
        id, valid.SubjectId, valid.MyNumber, valid.FormerMunicipality, valid.LegalBasis.Code, valid.ConsentReference, actor,
        ExchangeMessageCodec.NewMessageId(), InquiryStatus.Awaiting, clock.GetUtcNow());

    private static ExchangeRecord SentRecord(StoredInquiry inquiry) => new(
        inquiry.Id, inquiry.FormerMunicipality, ExchangeDirection.Inquiry, ExchangeRecordEvents.Sent, inquiry.LegalBasis, inquiry.CreatedAt,
        inquiry.RequestedBy, inquiry.SubjectId, Items: null, Detail: inquiry.ConsentReference is null ? null : "consent referenced");

    private static string InquiryPath(Tenant tenant, string id) => $"/api/municipalities/{tenant.Code.Value}/inquiries/{id}";

    private static string JobPath(Tenant tenant, string jobId) => $"/api/municipalities/{tenant.Code.Value}/inquiry-jobs/{jobId}";
}
