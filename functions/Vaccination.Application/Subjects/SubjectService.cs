using Vaccination.Application.Callers;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Subjects;

/// <summary>Staff operations on one municipality's subjects: register or update, read, record or correct a dose.</summary>
public sealed class SubjectService(
    ISubjectStore store, TenantAccess access, SubjectRequestValidator validator, DoseValidator doseValidator, IDataQualityStore dataQuality, TimeProvider clock)
{
    public async Task<Result<SubjectView>> GetAsync(Caller caller, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var found = await StaffSubjectLookup.FindAsync(access, store, caller, municipalityCode, subjectId, cancellationToken);
        return found.IsSuccess
            ? SubjectViews.From(found.Value.Subject, await store.GetDosesAsync(found.Value.Tenant, found.Value.Subject.Id, cancellationToken))
            : Result<SubjectView>.Failure(found.Errors);
    }

    public async Task<Result<SubjectView>> RegisterAsync(
        Caller caller, string municipalityCode, string subjectId, SubjectRegistrationRequest request, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffSubjectLookup.StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<SubjectView>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<SubjectView>.Failure(id.Errors);
        }

        var existing = request.Version is null ? null : await store.GetAsync(tenant.Value, id.Value, cancellationToken);
        var subject = validator.ToSubject(id.Value, request, existing?.Flags ?? SubjectFlags.None);
        if (!subject.IsSuccess)
        {
            return Result<SubjectView>.Failure(subject.Errors);
        }

        var saved = await store.SaveAsync(tenant.Value, subject.Value, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<SubjectView>.Failure(saved.Errors);
        }

        var doses = await store.GetDosesAsync(tenant.Value, id.Value, cancellationToken);
        return SubjectViews.From(saved.Value, doses);
    }

    /// <summary>
    /// Records a dose, or corrects it when the number is on record already, under the same rules as a VRS event: the
    /// code list and lot format (<see cref="DoseValidator"/>), the order and dates against the person's other doses
    /// (<see cref="DoseRules"/>: impossible data refused, suspicious data stored with a data-quality flag). A correction
    /// resolves the flags the earlier version of the dose raised.
    /// </summary>
    public async Task<Result<SubjectView>> RecordDoseAsync(
        Caller caller, string municipalityCode, string subjectId, DoseRecordingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var tenant = access.Resolve(caller, municipalityCode, StaffSubjectLookup.StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<SubjectView>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<SubjectView>.Failure(id.Errors);
        }

        var errors = new List<Error>();
        var dose = doseValidator.Validate(ToPayload(request), tenant.Value, errors, prefix: string.Empty);
        var ticket = request.TicketNumber is null ? null : FieldTicket(request.TicketNumber, errors);
        if (dose is null || errors.Count > 0)
        {
            return Result<SubjectView>.Failure(errors);
        }

        var subject = await store.GetAsync(tenant.Value, id.Value, cancellationToken);
        if (subject is null)
        {
            return Error.NotFound();
        }

        var doses = await store.GetDosesAsync(tenant.Value, id.Value, cancellationToken);
        var existing = doses.FirstOrDefault(d => d.Number == dose.Number);
        var now = clock.GetUtcNow();
        var flags = DoseRules.Check(subject, doses.Where(d => d.Number != dose.Number).ToList(), dose, eventId: null, now, prefix: string.Empty);
        if (!flags.IsSuccess)
        {
            return Result<SubjectView>.Failure(flags.Errors);
        }

        var unchanged = existing is not null && dose.SameAs(existing);
        if (existing is not null && !unchanged)
        {
            await dataQuality.ResolveForDoseAsync(tenant.Value, id.Value, dose.Number, "staff:" + caller.ActorId, cancellationToken);
        }

        await store.SaveDoseAsync(tenant.Value, dose.ToRecord(id.Value, ticket ?? existing?.Ticket, unchanged ? existing!.RecordedAt : now), cancellationToken);
        // The same dose again (a retry) keeps the state of its flags: one that staff resolved stays resolved.
        await (unchanged ? dataQuality.AddMissingAsync(tenant.Value, flags.Value, cancellationToken) : dataQuality.SaveAsync(tenant.Value, flags.Value, cancellationToken));
        return SubjectViews.From(subject, await store.GetDosesAsync(tenant.Value, id.Value, cancellationToken));
    }

    private static DosePayload ToPayload(DoseRecordingRequest request) => new(
        request.DoseNumber, request.Date, request.Manufacturer, request.Product, request.VaccineType, request.LotNumber, request.SiteName,
        request.PhysicianName, AdministeredBy: null, request.PreviousDoseMissingReason);

    private static TicketNumber? FieldTicket(string value, List<Error> errors)
    {
        var ticket = TicketNumber.TryCreate(value);
        if (ticket.IsSuccess)
        {
            return ticket.Value;
        }

        errors.AddRange(ticket.Errors);
        return null;
    }
}
