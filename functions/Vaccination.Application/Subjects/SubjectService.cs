using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Subjects;

/// <summary>Staff operations on one municipality's subjects: register or update, read, record a dose.</summary>
public sealed class SubjectService(ISubjectStore store, TenantAccess access, SubjectRequestValidator validator)
{
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<SubjectView>> GetAsync(Caller caller, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<SubjectView>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<SubjectView>.Failure(id.Errors);
        }

        var subject = await store.GetAsync(tenant.Value, id.Value, cancellationToken);
        if (subject is null)
        {
            return Error.NotFound();
        }

        var doses = await store.GetDosesAsync(tenant.Value, id.Value, cancellationToken);
        return SubjectViews.From(subject, doses);
    }

    public async Task<Result<SubjectView>> RegisterAsync(
        Caller caller, string municipalityCode, string subjectId, SubjectRegistrationRequest request, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
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

    public async Task<Result<SubjectView>> RecordDoseAsync(
        Caller caller, string municipalityCode, string subjectId, DoseRecordingRequest request, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<SubjectView>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<SubjectView>.Failure(id.Errors);
        }

        var dose = validator.ToDose(id.Value, tenant.Value, request);
        if (!dose.IsSuccess)
        {
            return Result<SubjectView>.Failure(dose.Errors);
        }

        var subject = await store.GetAsync(tenant.Value, id.Value, cancellationToken);
        if (subject is null)
        {
            return Error.NotFound();
        }

        await store.SaveDoseAsync(tenant.Value, dose.Value, cancellationToken);
        var doses = await store.GetDosesAsync(tenant.Value, id.Value, cancellationToken);
        return SubjectViews.From(subject, doses);
    }
}
