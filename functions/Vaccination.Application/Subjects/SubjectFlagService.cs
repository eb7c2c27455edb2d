using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Subjects;

/// <summary>
/// Staff set or release a <see cref="SubjectFlagKind"/> on a subject of their own municipality. Setting a flag that already
/// holds changes nothing (a repeated call is safe); the answer is the subject as it now stands. Every call is in the
/// audit trail with the subject (RequestAudit reads it from the route).
/// </summary>
public sealed class SubjectFlagService(TenantAccess access, ISubjectStore subjects)
{
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<SubjectView>> SetAsync(
        Caller caller, string municipalityCode, string subjectId, SubjectFlagKind flag, bool on, CancellationToken cancellationToken)
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

        var subject = await subjects.GetAsync(tenant.Value, id.Value, cancellationToken);
        if (subject is null)
        {
            return Error.NotFound();
        }

        var saved = IsSet(subject.Flags, flag) == on
            ? Result.Success(subject)
            : await subjects.SaveAsync(tenant.Value, subject with { Flags = With(subject.Flags, flag, on) }, cancellationToken);
        return saved.IsSuccess
            ? SubjectViews.From(saved.Value, await subjects.GetDosesAsync(tenant.Value, id.Value, cancellationToken))
            : Result<SubjectView>.Failure(saved.Errors);
    }

    private static bool IsSet(SubjectFlags flags, SubjectFlagKind flag) => flag switch
    {
        SubjectFlagKind.Confirmed => flags.Confirmed,
        SubjectFlagKind.Suspended => flags.Suspended,
        SubjectFlagKind.AutoResponseDisabled => flags.AutoResponseDisabled,
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    private static SubjectFlags With(SubjectFlags flags, SubjectFlagKind flag, bool on) => flag switch
    {
        SubjectFlagKind.Confirmed => flags with { Confirmed = on },
        SubjectFlagKind.Suspended => flags with { Suspended = on },
        SubjectFlagKind.AutoResponseDisabled => flags with { AutoResponseDisabled = on },
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };
}
