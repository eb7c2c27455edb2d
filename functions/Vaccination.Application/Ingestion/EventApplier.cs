using Vaccination.Application.DataQuality;
using Vaccination.Application.Subjects;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Applies one validated event to a tenant's records. Everything that needs the stored state is checked first
/// (the person exists and still holds the ticket, dose order, the confirmed-record lock); only then is anything written.
/// Every write sets a state rather than adding to one, so applying the same event again after a crash changes nothing.
/// </summary>
public sealed class EventApplier(ISubjectStore subjects, ITicketDirectory tickets, IDataQualityStore dataQuality, IReviewList review, TimeProvider clock)
{
    public const string ConfirmedCode = "subject.confirmed";

    /// <summary>
    /// Refusals an event applied out of order can meet while an earlier event (the registration, the ticket, the
    /// previous dose) is still on its way: a queued event meeting one is tried again later.
    /// </summary>
    private static readonly HashSet<string> MissingEarlierEventCodes = ["subject.unknown", "ticket.unknown", "dose.previous_missing", "dose.unknown"];

    /// <summary>
    /// True when the result is final and its answer is recorded for replays: applied, or refused by the
    /// confirmed-record lock. Other refusals are the sender's to fix, and the fixed event may reuse its id.
    /// </summary>
    public static bool IsFinal(Result<AppliedEvent> result) =>
        result is not null && (result.IsSuccess || result.Errors[0].Code == ConfirmedCode);

    /// <summary>True when the refusal may go away once an earlier event of the same person is applied.</summary>
    public static bool MayWaitForEarlierEvent(Result<AppliedEvent> result) =>
        result is not null && !result.IsSuccess && result.Errors.Any(e => MissingEarlierEventCodes.Contains(e.Code));

    public async Task<Result<AppliedEvent>> ApplyAsync(Tenant tenant, IngestionCommand command, string eventJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (id, subject) = await ResolveSubjectAsync(tenant, command, cancellationToken);
        if (id is not { } subjectId)
        {
            return Error.Validation("ticket.unknown", "No single subject of this municipality holds the ticket number.", "ticketNumber");
        }

        if (command.Type == IngestionEventType.SubjectRegistered)
        {
            return await RegisterAsync(tenant, command, subject, cancellationToken);
        }

        if (subject is null)
        {
            return Error.Validation("subject.unknown", "No subject of this municipality has this internal address number.", "subjectId");
        }

        if (subject.Flags.Confirmed)
        {
            var item = new ReviewItem(subjectId.Value, command.EventId.Value, IngestionEventTypes.ToName(command.Type), ConfirmedCode, clock.GetUtcNow());
            await review.AddAsync(tenant, subjectId, item, eventJson, cancellationToken);
            return Error.Conflict(ConfirmedCode, "Staff confirmed this subject's records; the event was kept for review and not applied.");
        }

        return command.Type switch
        {
            IngestionEventType.SubjectUpdated => await SaveAsync(tenant, command, command.Subject! with { Flags = subject.Flags, Version = subject.Version }, cancellationToken),
            IngestionEventType.ResidentChanged => await SaveAsync(tenant, command, command.Resident!.ApplyTo(subject), cancellationToken),
            IngestionEventType.TicketIssued or IngestionEventType.TicketReissued => await ChangeTicketsAsync(tenant, command, subject, cancellationToken),
            IngestionEventType.DoseRecorded or IngestionEventType.DoseCorrected => await SaveDoseAsync(tenant, command, subject, cancellationToken),
            IngestionEventType.DoseCancelled => await CancelDoseAsync(tenant, command, subject, cancellationToken),
            _ => await SetStatusAsync(tenant, command, subject, cancellationToken),
        };
    }

    private async Task<(SubjectId?, VaccinationSubject?)> ResolveSubjectAsync(Tenant tenant, IngestionCommand command, CancellationToken cancellationToken)
    {
        if (command.Ticket is not { } ticket)
        {
            var id = command.SubjectId!.Value;
            return (id, await subjects.GetAsync(tenant, id, cancellationToken));
        }

        var candidate = await tickets.FindSubjectAsync(tenant, ticket, cancellationToken);
        var holder = candidate is { } found ? await subjects.GetAsync(tenant, found, cancellationToken) : null;
        return holder is not null && holder.Tickets.Contains(ticket) ? (holder.Id, holder) : (null, null);
    }

    private async Task<Result<AppliedEvent>> RegisterAsync(Tenant tenant, IngestionCommand command, VaccinationSubject? existing, CancellationToken cancellationToken)
    {
        var subject = command.Subject!;
        if (existing is not null)
        {
            return SameRegistration(existing, subject)
                ? new AppliedEvent(subject.Id, null, [])
                : Error.Conflict("subject.exists", "A subject with this internal address number exists; send subject.updated to change it.");
        }

        return await SaveAsync(tenant, command, subject, cancellationToken);
    }

    private async Task<Result<AppliedEvent>> SaveAsync(Tenant tenant, IngestionCommand command, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        foreach (var ticket in subject.Tickets)
        {
            var holder = await tickets.FindSubjectAsync(tenant, ticket, cancellationToken);
            if (holder is { } other && other != subject.Id && (await subjects.GetAsync(tenant, other, cancellationToken))?.Tickets.Contains(ticket) == true)
            {
                return Error.Conflict("ticket.duplicate", "A ticket number is already issued to another subject of this municipality.");
            }
        }

        var saved = await subjects.SaveAsync(tenant, subject, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<AppliedEvent>.Failure(saved.Errors);
        }

        var flags = DoseRules.FlagsForSubject(subject, PastDate.TodayInJapan(clock), command.EventId.Value, clock.GetUtcNow());
        await dataQuality.SaveAsync(tenant, flags, cancellationToken);
        return new AppliedEvent(subject.Id, null, flags);
    }

    private async Task<Result<AppliedEvent>> ChangeTicketsAsync(Tenant tenant, IngestionCommand command, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        var added = command.NewTicket!.Value;
        var held = subject.Tickets.ToList();
        if (command.ReplacedTicket is { } replaced)
        {
            if (!held.Remove(replaced))
            {
                return held.Contains(added)
                    ? new AppliedEvent(subject.Id, null, [])
                    : Error.Validation("ticket.unknown", "The subject does not hold the ticket being replaced.", "ticket.replaces");
            }
        }
        else if (held.Contains(added))
        {
            return new AppliedEvent(subject.Id, null, []);
        }

        held.Add(added);
        return await SaveAsync(tenant, command, subject with { Tickets = held }, cancellationToken);
    }

    private async Task<Result<AppliedEvent>> SaveDoseAsync(Tenant tenant, IngestionCommand command, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        var dose = command.Dose!;
        var doses = await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken);
        var existing = doses.FirstOrDefault(d => d.Number == dose.Number);
        if (command.Type == IngestionEventType.DoseRecorded && existing is not null && !dose.SameAs(existing))
        {
            return Error.Conflict("dose.exists", "This dose number is already recorded; send dose.corrected to change it.");
        }

        if (command.Type == IngestionEventType.DoseCorrected && existing is null)
        {
            return Error.Validation("dose.unknown", "The subject has no dose with this number.", "dose.doseNumber");
        }

        var now = clock.GetUtcNow();
        var checkedDose = DoseRules.Check(subject, doses.Where(d => d.Number != dose.Number).ToList(), dose, command.EventId.Value, now);
        if (!checkedDose.IsSuccess)
        {
            return Result<AppliedEvent>.Failure(checkedDose.Errors);
        }

        if (command.Type == IngestionEventType.DoseCorrected)
        {
            await dataQuality.ResolveForDoseAsync(tenant, subject.Id, dose.Number, "event:" + command.EventId.Value, cancellationToken);
        }

        var unchanged = existing is not null && dose.SameAs(existing);
        await subjects.SaveDoseAsync(tenant, dose.ToRecord(subject.Id, command.Ticket ?? existing?.Ticket, unchanged ? existing!.RecordedAt : now), cancellationToken);
        // A dose recorded again unchanged (a redelivery) keeps its flags' state: one staff resolved stays resolved.
        await (unchanged && command.Type == IngestionEventType.DoseRecorded
            ? dataQuality.AddMissingAsync(tenant, checkedDose.Value, cancellationToken)
            : dataQuality.SaveAsync(tenant, checkedDose.Value, cancellationToken));
        return new AppliedEvent(subject.Id, dose.Number, checkedDose.Value);
    }

    private async Task<Result<AppliedEvent>> CancelDoseAsync(Tenant tenant, IngestionCommand command, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        var number = command.CancelledDose!.Value;
        var doses = await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken);
        if (doses.All(d => d.Number != number))
        {
            return Error.Validation("dose.unknown", "The subject has no dose with this number.", "cancellation.doseNumber");
        }

        await subjects.DeleteDoseAsync(tenant, subject.Id, number, cancellationToken);
        await dataQuality.ResolveForDoseAsync(tenant, subject.Id, number, "event:" + command.EventId.Value, cancellationToken);
        IReadOnlyList<DataQualityFlag> flags = doses.Any(d => d.Number.Value > number.Value)
            ? [new(subject.Id, DoseRules.LaterDoseRemains, DataQualitySeverity.Warning, number,
                "A later dose remains on record after this dose was cancelled.", command.EventId.Value, clock.GetUtcNow())]
            : [];
        await dataQuality.SaveAsync(tenant, flags, cancellationToken);
        return new AppliedEvent(subject.Id, number, flags);
    }

    private async Task<Result<AppliedEvent>> SetStatusAsync(Tenant tenant, IngestionCommand command, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        var date = command.MovedOutOn ?? command.DeceasedOn!.Value;
        if (date < subject.BirthDate)
        {
            var field = command.Type == IngestionEventType.MovedOut ? "movedOut.date" : "deceased.date";
            return Error.Validation("date.before_birth", "The date is before the person's birth date.", field);
        }

        var flags = command.Type == IngestionEventType.MovedOut
            ? subject.Flags with { MovedOutOn = command.MovedOutOn, MovedTo = command.MovedTo }
            : subject.Flags with { DeceasedOn = command.DeceasedOn };
        var updated = subject with { Flags = flags };
        var saved = await subjects.SaveAsync(tenant, updated, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<AppliedEvent>.Failure(saved.Errors);
        }

        var doses = await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken);
        var findings = DoseRules.FlagsForStatus(updated, doses, command.EventId.Value, clock.GetUtcNow());
        await dataQuality.SaveAsync(tenant, findings, cancellationToken);
        return new AppliedEvent(subject.Id, null, findings);
    }

    private static bool SameRegistration(VaccinationSubject stored, VaccinationSubject received) =>
        Equals(stored.MyNumber, received.MyNumber) && stored.Name == received.Name && stored.BirthDate == received.BirthDate
        && stored.Sex == received.Sex && stored.Tickets.SequenceEqual(received.Tickets);
}
