using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Subjects;

/// <summary>
/// The first step of a staff operation on one subject: the caller is staff of the route's municipality (else 403, or
/// 404 for another tenant), the id is well formed (400) and the subject is stored there (404).
/// </summary>
public static class StaffSubjectLookup
{
    public static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public static async Task<Result<(Tenant Tenant, VaccinationSubject Subject)>> FindAsync(
        TenantAccess access, ISubjectStore subjects, Caller caller, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(subjects);
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<(Tenant, VaccinationSubject)>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<(Tenant, VaccinationSubject)>.Failure(id.Errors);
        }

        var subject = await subjects.GetAsync(tenant.Value, id.Value, cancellationToken);
        return subject is null ? Error.NotFound() : (tenant.Value, subject);
    }
}
