using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The new municipality (A) receives an answer: provided doses are stored with the person here, marked with their
/// source municipality; the inquiry gets its status and an expiry; the provision record gets an entry; the callback is
/// told. Only an inquiry still awaiting an answer changes, so a repeated answer changes nothing.
/// </summary>
public sealed class InquiryCompletion(
    IInquiryStore inquiries,
    ISubjectStore subjects,
    IExchangeRecordStore records,
    IInquiryNotifier notifier,
    InquirySender sender,
    IOptions<ExchangeOptions> options,
    TimeProvider clock,
    ILogger<InquiryCompletion> logger)
{
    public async Task CompleteAsync(Tenant tenant, ExchangeMessage message, ResponsePayload response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(response);
        var inquiry = await FindAwaitingAsync(tenant, message, cancellationToken);
        if (inquiry is null)
        {
            return;
        }

        var status = response.Outcome switch
        {
            ProvisionOutcome.Provided => InquiryStatus.Provided,
            ProvisionOutcome.NotFound => InquiryStatus.NotFound,
            _ => InquiryStatus.Refused,
        };
        var doses = status == InquiryStatus.Provided ? response.Doses : [];
        if (doses.Count > 0)
        {
            await StoreDosesAsync(tenant, inquiry, doses, cancellationToken);
        }

        await EndAsync(tenant, inquiry with { Status = status, Doses = doses }, ItemsOf(doses), cancellationToken);
    }

    /// <summary>Marks an awaiting inquiry failed (poison message, no answer in time) with a reason and a retry hint.</summary>
    public async Task FailAsync(Tenant tenant, ExchangeMessage message, string reason, string retryHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inquiry = await FindAwaitingAsync(tenant, message, cancellationToken);
        if (inquiry is not null)
        {
            await EndAsync(tenant, inquiry with { Status = InquiryStatus.Failed, FailureReason = reason, RetryHint = retryHint }, null, cancellationToken);
        }
    }

    /// <summary>Aborts an inquiry that waited longer than <see cref="ExchangeOptions.AbortAfter"/>.</summary>
    public async Task AbortAsync(Tenant tenant, InquiryId id, CancellationToken cancellationToken)
    {
        var inquiry = await inquiries.GetAsync(tenant, id, cancellationToken);
        if (inquiry is { Status: InquiryStatus.Awaiting or InquiryStatus.Queued })
        {
            await EndAsync(tenant, inquiry with { Status = InquiryStatus.Failed, FailureReason = "no-response", RetryHint = "retry" }, null, cancellationToken);
        }
    }

    private async Task<StoredInquiry?> FindAwaitingAsync(Tenant tenant, ExchangeMessage message, CancellationToken cancellationToken)
    {
        var id = InquiryId.TryCreate(message.InquiryId);
        var inquiry = id.IsSuccess ? await inquiries.GetAsync(tenant, id.Value, cancellationToken) : null;
        if (inquiry is not { Status: InquiryStatus.Awaiting } || inquiry.FormerMunicipality != message.Sender)
        {
            ExchangeLog.NoWaitingInquiry(logger, message.MessageId, message.InquiryId, tenant.Code.Value);
            return null;
        }

        return inquiry;
    }

    private async Task StoreDosesAsync(Tenant tenant, StoredInquiry inquiry, IReadOnlyList<ExchangedDose> doses, CancellationToken cancellationToken)
    {
        var held = (await subjects.GetDosesAsync(tenant, inquiry.SubjectId, cancellationToken)).Select(d => d.Number.Value).ToHashSet();
        var now = clock.GetUtcNow();
        var saves = new List<Task>();
        foreach (var dose in doses.Where(d => !held.Contains(d.DoseNumber)))
        {
            var number = DoseNumber.TryCreate(dose.DoseNumber);
            if (!number.IsSuccess || !MunicipalityCode.TryParse(dose.AdministeredBy, out var administeredBy))
            {
                continue;
            }

            saves.Add(subjects.SaveDoseAsync(tenant, new DoseRecord(inquiry.SubjectId, number.Value, dose.Date, dose.Manufacturer, dose.Product,
                dose.VaccineType, dose.LotNumber, dose.SiteName, dose.PhysicianName, Ticket: null, administeredBy, now)
            {
                SourceMunicipality = inquiry.FormerMunicipality,
            }, cancellationToken));
        }

        await Task.WhenAll(saves);
    }

    private async Task EndAsync(Tenant tenant, StoredInquiry ended, string? items, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = ended with { CompletedAt = now, ExpiresAt = now + options.Value.ResultRetention };
        if (!await inquiries.UpdateAsync(tenant, updated, cancellationToken))
        {
            return;
        }

        await records.AppendAsync(tenant, new ExchangeRecord(ended.Id, ended.FormerMunicipality, ExchangeDirection.Inquiry, EventOf(ended.Status),
            ended.LegalBasis, now, ExchangeRecord.SystemActor, ended.SubjectId, items, ended.FailureReason), cancellationToken);
        ExchangeLog.InquiryEnded(logger, ended.Id.Value, tenant.Code.Value, ended.Status);
        await notifier.NotifyAsync(tenant, ended.Id, ended.Status, cancellationToken);
        if (ended.Id.JobId is { } jobId)
        {
            await sender.SendNextOfJobAsync(tenant, jobId, cancellationToken);
        }
    }

    private static string EventOf(InquiryStatus status) => status switch
    {
        InquiryStatus.Provided => ExchangeRecordEvents.Provided,
        InquiryStatus.NotFound => ExchangeRecordEvents.NotFound,
        InquiryStatus.Refused => ExchangeRecordEvents.Refused,
        _ => ExchangeRecordEvents.Failed,
    };

    /// <summary>What a provision carried, for the record: the items and how many doses.</summary>
    public static string? ItemsOf(IReadOnlyList<ExchangedDose> doses) =>
        doses.Count == 0
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"doses={doses.Count};items=dose-number,date,manufacturer,product,vaccine-type,lot-number,site,physician,administered-by");
}
