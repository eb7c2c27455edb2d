using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Audit;
using Vaccination.Application.Callers;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The former municipality (B) answers inquiries (S6b, S9-S12, S19): the person is found through the blind index only;
/// no match keeps nothing of the number and answers "not found"; a match provides that person's doses only; a person
/// whose auto-response is disabled waits for a staff decision. Every outcome goes to B's provision record. The
/// provision row is keyed by the message id, so a second delivery of the same message provides nothing twice.
/// </summary>
public sealed class ProvisionService(
    TenantAccess access,
    ISubjectStore subjects,
    IProvisionStore provisions,
    IExchangeRecordStore records,
    ExchangeMessenger messenger,
    AuditTrail audit,
    IOptions<ExchangeOptions> options,
    TimeProvider clock,
    ILogger<ProvisionService> logger)
{
    /// <summary>The audit action of an inquiry answered by the system itself (found by My Number, then provided, held, refused or not found).</summary>
    public const string AuditedAction = "exchange.provision";

    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task HandleInquiryAsync(Tenant tenant, ExchangeMessage message, InquiryPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        // The lookup is read-only, so a second delivery may repeat it; the row keyed by the message id decides which one provides.
        var (outcome, subjectId) = await ChooseOutcomeAsync(tenant, message, payload, cancellationToken);
        // In B's audit trail before anything is kept or answered, so no person's records leave without an entry; a
        // second delivery repeats the lookup and so records it again.
        await audit.RecordSystemAsync(tenant, AuditedAction, subjectId is { } found ? [found] : [], "inquiryId=" + message.InquiryId,
            AuditStatusOf(outcome), cancellationToken);
        var provision = new StoredProvision(message.MessageId, InquiryId.TryCreate(message.InquiryId).Value, message.Sender, message.LegalBasis,
            payload.RequestedBy, clock.GetUtcNow(), outcome, subjectId, ExchangeMessageCodec.NewMessageId(), ResponseSent: false,
            clock.GetUtcNow() + options.Value.AbortAfter + options.Value.ResultRetention);
        var version = await provisions.TryCreateAsync(tenant, provision, cancellationToken);
        if (version is null)
        {
            if (await provisions.GetAsync(tenant, message.MessageId, cancellationToken) is { } existing)
            {
                await FinishDuplicateAsync(tenant, existing, cancellationToken);
            }

            return;
        }

        ExchangeLog.ProvisionDecided(logger, message.InquiryId, message.Sender.Value, tenant.Code.Value, outcome);
        await FinishAsync(tenant, provision with { Version = version }, ExchangeRecord.SystemActor, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<ProvisionReviewView>>> ListReviewsAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<ProvisionReviewView>>.Failure(tenant.Errors);
        }

        var held = new List<ProvisionReviewView>();
        await foreach (var provision in provisions.ListHeldForReviewAsync(tenant.Value, cancellationToken))
        {
            held.Add(ToView(provision));
        }

        return held.OrderBy(v => v.ReceivedAt).ToList();
    }

    /// <summary>A staff member of B approves (the doses are provided) or refuses a provision held for review.</summary>
    public async Task<Result<ProvisionReviewView>> DecideAsync(
        Caller caller, string municipalityCode, string reviewId, bool approve, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<ProvisionReviewView>.Failure(tenant.Errors);
        }

        var provision = ExchangeMessageCodec.IsMessageId(reviewId) ? await provisions.GetAsync(tenant.Value, reviewId, cancellationToken) : null;
        if (provision is null)
        {
            return Error.NotFound();
        }

        if (provision.Outcome != ProvisionOutcome.HeldForReview)
        {
            return Error.Conflict("review.already_decided", "This provision was already decided.");
        }

        var decided = provision with
        {
            Outcome = approve ? ProvisionOutcome.Provided : ProvisionOutcome.Refused,
            DecidedBy = caller.ActorId,
            DecidedAt = clock.GetUtcNow(),
        };
        if (!await provisions.UpdateAsync(tenant.Value, decided, cancellationToken))
        {
            return Error.Conflict("review.changed", "The provision was decided concurrently; read the review queue again.");
        }

        ExchangeLog.ProvisionDecided(logger, provision.InquiryId.Value, provision.Inquirer.Value, tenant.Value.Code.Value, decided.Outcome);
        var stored = await provisions.GetAsync(tenant.Value, reviewId, cancellationToken);
        await FinishAsync(tenant.Value, stored!, caller.ActorId, cancellationToken);
        return ToView(stored!);
    }

    private async Task<(ProvisionOutcome Outcome, SubjectId? SubjectId)> ChooseOutcomeAsync(
        Tenant tenant, ExchangeMessage message, InquiryPayload payload, CancellationToken cancellationToken)
    {
        var basis = LegalBases.Find(message.LegalBasis);
        var myNumber = MyNumber.TryCreate(payload.MyNumber);
        if (basis is null || !myNumber.IsSuccess || (basis.RequiresConsent && string.IsNullOrWhiteSpace(payload.ConsentReference)))
        {
            return (ProvisionOutcome.Refused, null);
        }

        // The one lookup by My Number in scene (b) of S6: an HMAC in memory and a point read; nothing is written for it.
        var subjectId = await subjects.FindByMyNumberAsync(tenant, myNumber.Value, cancellationToken);
        if (subjectId is not { } id)
        {
            return (ProvisionOutcome.NotFound, null);
        }

        // A person who asked for suspension of use (S21) is not provided until staff lift it.
        var subject = await subjects.GetAsync(tenant, id, cancellationToken);
        return subject is null
            ? (ProvisionOutcome.NotFound, null)
            : (subject.Flags.Suspended ? ProvisionOutcome.Refused : subject.Flags.AutoResponseDisabled ? ProvisionOutcome.HeldForReview : ProvisionOutcome.Provided, id);
    }

    private async Task FinishDuplicateAsync(Tenant tenant, StoredProvision existing, CancellationToken cancellationToken)
    {
        ExchangeLog.DuplicateIgnored(logger, existing.MessageId, existing.InquiryId.Value, tenant.Code.Value);
        if (!existing.ResponseSent && existing.Outcome != ProvisionOutcome.HeldForReview)
        {
            // The first delivery stopped between deciding and answering: answer now, with the same response message id.
            await FinishAsync(tenant, existing, existing.DecidedBy ?? ExchangeRecord.SystemActor, cancellationToken);
        }
    }

    /// <summary>Records the outcome (idempotently) and, unless held for review, answers the inquirer and marks the answer sent.</summary>
    private async Task FinishAsync(Tenant tenant, StoredProvision provision, string actor, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExchangedDose> doses = provision is { Outcome: ProvisionOutcome.Provided, SubjectId: { } id }
            ? (await subjects.GetDosesAsync(tenant, id, cancellationToken)).OrderBy(d => d.Number.Value).Select(ToExchanged).ToList()
            : [];
        await records.AppendAsync(tenant, new ExchangeRecord(provision.InquiryId, provision.Inquirer, ExchangeDirection.Provision,
            EventOf(provision.Outcome), provision.LegalBasis, provision.DecidedAt ?? provision.ReceivedAt, actor, provision.SubjectId,
            InquiryCompletion.ItemsOf(doses), Detail: "requested by " + provision.RequestedBy), cancellationToken);
        if (provision.Outcome == ProvisionOutcome.HeldForReview)
        {
            return;
        }

        await messenger.SendResponseAsync(tenant.Code, provision, new ResponsePayload(provision.Outcome, doses), cancellationToken);
        await provisions.UpdateAsync(tenant, provision with { ResponseSent = true }, cancellationToken);
    }

    private static ExchangedDose ToExchanged(DoseRecord dose) => new(dose.Number.Value, dose.Date, dose.Manufacturer, dose.Product,
        dose.VaccineType, dose.LotNumber, dose.SiteName, dose.PhysicianName, dose.AdministeredBy.Value);

    private static ProvisionReviewView ToView(StoredProvision p) => new(p.MessageId, p.InquiryId.Value, p.Inquirer.Value, p.LegalBasis,
        p.SubjectId?.Value, EventOf(p.Outcome), p.ReceivedAt, p.DecidedBy, p.DecidedAt);

    private static int AuditStatusOf(ProvisionOutcome outcome) => outcome switch
    {
        ProvisionOutcome.Provided => 200,
        ProvisionOutcome.HeldForReview => 202,
        ProvisionOutcome.NotFound => 404,
        _ => 403,
    };

    private static string EventOf(ProvisionOutcome outcome) => outcome switch
    {
        ProvisionOutcome.Provided => ExchangeRecordEvents.Provided,
        ProvisionOutcome.NotFound => ExchangeRecordEvents.NotFound,
        ProvisionOutcome.HeldForReview => ExchangeRecordEvents.HeldForReview,
        _ => ExchangeRecordEvents.Refused,
    };
}
