using Vaccination.Application.Callers;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using static Vaccination.Application.Validation.FieldChecks;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// Checks a received event against everything that needs no storage: identifiers and check digits, the municipality,
/// dates, the code list, lot format, and what a vaccination-site caller may send. Collects every field error.
/// </summary>
public sealed class WebhookEventValidator(TimeProvider clock, TenantRegistry registry, SubjectRequestValidator subjects)
{
    private static readonly DateOnly EarliestBirthDate = new(1890, 1, 1);
    private readonly DoseValidator _doses = new(clock);

    public Result<IngestionCommand> Validate(Caller caller, Tenant tenant, WebhookEvent received)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(received);
        var errors = new List<Error>();
        var eventId = Collect(EventId.TryCreate(received.EventId), errors);
        if (!IngestionEventTypes.TryParse(received.Type, out var type))
        {
            errors.Add(Error.Validation("event.type_unknown", $"type is one of: {string.Join(", ", IngestionEventTypes.Names)}.", "type"));
            return Result<IngestionCommand>.Failure(errors);
        }

        if (caller.Role == CallerRole.VaccinationSite)
        {
            var refusal = SiteRefusal(type, received);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        CheckMunicipality(received.MunicipalityCode, tenant, errors);
        var command = type switch
        {
            IngestionEventType.SubjectRegistered or IngestionEventType.SubjectUpdated => Registration(eventId, type, received, errors),
            IngestionEventType.TicketIssued or IngestionEventType.TicketReissued => TicketChange(eventId, type, received, errors),
            IngestionEventType.DoseRecorded or IngestionEventType.DoseCorrected => DoseEvent(eventId, type, tenant, received, errors),
            IngestionEventType.DoseCancelled => Cancellation(eventId, received, errors),
            IngestionEventType.MovedOut => MoveOut(eventId, tenant, received, errors),
            IngestionEventType.Deceased => Death(eventId, received, errors),
            _ => ResidentChangeEvent(eventId, received, errors),
        };
        return errors.Count > 0 ? Result<IngestionCommand>.Failure(errors) : command;
    }

    /// <summary>A vaccination-site tablet (S4) may only record a dose by ticket number.</summary>
    private static Result<IngestionCommand>? SiteRefusal(IngestionEventType type, WebhookEvent received)
    {
        if (type != IngestionEventType.DoseRecorded)
        {
            return Error.Forbidden("site.event_type_forbidden", "Vaccination sites may only send dose.recorded events.");
        }

        if (received.SubjectId is not null || received.Subject is not null || received.Resident is not null)
        {
            return Error.Forbidden("site.subject_reference_forbidden", "Vaccination sites name the person by ticket number only.");
        }

        return null;
    }

    private void CheckMunicipality(string? code, Tenant tenant, List<Error> errors)
    {
        if (code is null)
        {
            return;
        }

        var parsed = MunicipalityCode.TryCreate(code);
        if (!parsed.IsSuccess)
        {
            errors.AddRange(parsed.Errors);
        }
        else if (registry.Find(parsed.Value) is null)
        {
            errors.Add(Error.Validation("municipality_code.not_served", "The municipality code is not a municipality served here.", "municipalityCode"));
        }
        else if (parsed.Value != tenant.Code)
        {
            errors.Add(Error.Validation("municipality_code.mismatch", "The municipality code is not the caller's municipality.", "municipalityCode"));
        }
    }

    private IngestionCommand Registration(EventId eventId, IngestionEventType type, WebhookEvent received, List<Error> errors)
    {
        var id = RequireSubjectId(received.SubjectId, errors);
        if (received.Subject is not { } payload)
        {
            errors.Add(Required("subject"));
            return new IngestionCommand(eventId, type);
        }

        var request = new SubjectRegistrationRequest(payload.MyNumber, payload.Name, payload.BirthDate, payload.Sex, payload.Tickets);
        var subject = subjects.ToSubject(id, request, SubjectFlags.None);
        if (!subject.IsSuccess)
        {
            errors.AddRange(subject.Errors.Select(e => e with { Field = "subject." + e.Field }));
            return new IngestionCommand(eventId, type);
        }

        if (subject.Value.Tickets.Distinct().Count() != subject.Value.Tickets.Count)
        {
            errors.Add(Error.Validation("tickets.duplicate", "A ticket number is listed twice.", "subject.tickets"));
        }

        return new IngestionCommand(eventId, type) { SubjectId = id, Subject = subject.Value };
    }

    private static IngestionCommand TicketChange(EventId eventId, IngestionEventType type, WebhookEvent received, List<Error> errors)
    {
        var id = RequireSubjectId(received.SubjectId, errors);
        if (received.Ticket is not { } payload)
        {
            errors.Add(Required("ticket"));
            return new IngestionCommand(eventId, type);
        }

        var ticket = Collect(TicketNumber.TryCreate(payload.TicketNumber, "ticket.ticketNumber"), errors);
        TicketNumber? replaced = null;
        if (type == IngestionEventType.TicketReissued)
        {
            replaced = Collect(TicketNumber.TryCreate(payload.Replaces, "ticket.replaces"), errors);
            if (replaced == ticket)
            {
                errors.Add(Error.Validation("ticket.replaces_itself", "A reissued ticket has a new number.", "ticket.replaces"));
            }
        }

        return new IngestionCommand(eventId, type) { SubjectId = id, NewTicket = ticket, ReplacedTicket = replaced };
    }

    private IngestionCommand DoseEvent(EventId eventId, IngestionEventType type, Tenant tenant, WebhookEvent received, List<Error> errors)
    {
        var (id, ticket) = PersonReference(received, errors);
        if (received.Dose is not { } payload)
        {
            errors.Add(Required("dose"));
            return new IngestionCommand(eventId, type);
        }

        var dose = ToDose(payload, tenant, errors);
        return new IngestionCommand(eventId, type) { SubjectId = id, Ticket = ticket, Dose = dose };
    }

    /// <summary>Validates a dose's own fields (see <see cref="DoseValidator"/>); null when any is wrong.</summary>
    public DoseDetails? ToDose(DosePayload payload, Tenant tenant, List<Error> errors, string prefix = "dose.") =>
        _doses.Validate(payload, tenant, errors, prefix);

    private static IngestionCommand Cancellation(EventId eventId, WebhookEvent received, List<Error> errors)
    {
        var (id, ticket) = PersonReference(received, errors);
        if (received.Cancellation is not { } payload)
        {
            errors.Add(Required("cancellation"));
            return new IngestionCommand(eventId, IngestionEventType.DoseCancelled);
        }

        var number = payload.DoseNumber is { } n
            ? Collect(DoseNumber.TryCreate(n, "cancellation.doseNumber"), errors)
            : Missing<DoseNumber>("dose_number", "cancellation.doseNumber", errors);
        Text(payload.Reason, "reason", "cancellation.reason", required: true, errors);
        return new IngestionCommand(eventId, IngestionEventType.DoseCancelled) { SubjectId = id, Ticket = ticket, CancelledDose = number };
    }

    private IngestionCommand MoveOut(EventId eventId, Tenant tenant, WebhookEvent received, List<Error> errors)
    {
        var id = RequireSubjectId(received.SubjectId, errors);
        if (received.MovedOut is not { } payload)
        {
            errors.Add(Required("movedOut"));
            return new IngestionCommand(eventId, IngestionEventType.MovedOut);
        }

        var date = PastDateOrMissing(payload.Date, "movedOut.date", EarliestBirthDate, errors);
        var destination = Collect(MunicipalityCode.TryCreate(payload.DestinationMunicipalityCode, "movedOut.destinationMunicipalityCode"), errors);
        if (destination == tenant.Code)
        {
            errors.Add(Error.Validation("destination.same_municipality", "A move-out goes to another municipality.", "movedOut.destinationMunicipalityCode"));
        }

        return new IngestionCommand(eventId, IngestionEventType.MovedOut) { SubjectId = id, MovedOutOn = date, MovedTo = destination };
    }

    private IngestionCommand Death(EventId eventId, WebhookEvent received, List<Error> errors)
    {
        var id = RequireSubjectId(received.SubjectId, errors);
        if (received.Deceased is not { } payload)
        {
            errors.Add(Required("deceased"));
            return new IngestionCommand(eventId, IngestionEventType.Deceased);
        }

        var date = PastDateOrMissing(payload.Date, "deceased.date", EarliestBirthDate, errors);
        return new IngestionCommand(eventId, IngestionEventType.Deceased) { SubjectId = id, DeceasedOn = date };
    }

    private IngestionCommand ResidentChangeEvent(EventId eventId, WebhookEvent received, List<Error> errors)
    {
        var id = RequireSubjectId(received.SubjectId, errors);
        if (received.Resident is not { } payload || payload is { Name: null, BirthDate: null, Sex: null, MyNumber: null })
        {
            errors.Add(Error.Validation("resident.required", "resident names at least one changed field.", "resident"));
            return new IngestionCommand(eventId, IngestionEventType.ResidentChanged);
        }

        var name = Text(payload.Name, "name", "resident.name", required: false, errors);
        DateOnly? birthDate = payload.BirthDate is { } b ? Collect(PastDate.TryCreate(b, clock, "resident.birthDate", EarliestBirthDate), errors) : null;
        Sex? sex = payload.Sex is null ? null : ParseSex(payload.Sex, "resident.sex", errors);
        var myNumber = payload.MyNumber is null ? null : Collect(MyNumber.TryCreate(payload.MyNumber, "resident.myNumber"), errors);
        return new IngestionCommand(eventId, IngestionEventType.ResidentChanged) { SubjectId = id, Resident = new ResidentChange(name, birthDate, sex, myNumber) };
    }

    private static (SubjectId?, TicketNumber?) PersonReference(WebhookEvent received, List<Error> errors)
    {
        if (received.SubjectId is not null && received.TicketNumber is not null)
        {
            errors.Add(Error.Validation("subject_reference.ambiguous", "Name the person by subjectId or by ticketNumber, not both.", "ticketNumber"));
            return (null, null);
        }

        if (received.SubjectId is not null)
        {
            return (Collect(SubjectId.TryCreate(received.SubjectId), errors), null);
        }

        if (received.TicketNumber is not null)
        {
            return (null, Collect(TicketNumber.TryCreate(received.TicketNumber), errors));
        }

        errors.Add(Error.Validation("subject_reference.required", "Name the person by subjectId or by ticketNumber.", "subjectId"));
        return (null, null);
    }

    private static SubjectId RequireSubjectId(string? value, List<Error> errors) =>
        value is null ? Missing<SubjectId>("subject_id", "subjectId", errors) : Collect(SubjectId.TryCreate(value), errors);

    private DateOnly PastDateOrMissing(DateOnly? value, string field, DateOnly floor, List<Error> errors) =>
        value is { } date ? Collect(PastDate.TryCreate(date, clock, field, floor), errors) : Missing<DateOnly>("date", field, errors);

    private static Error Required(string section) => Error.Validation(section + ".required", $"A {section} section is required for this event type.", section);
}
