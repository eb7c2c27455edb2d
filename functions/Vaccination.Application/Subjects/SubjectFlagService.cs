using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
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
    public async Task<Result<SubjectView>> SetAsync(
        Caller caller, string municipalityCode, string subjectId, SubjectFlagKind flag, bool on, CancellationToken cancellationToken)
    {
        var found = await StaffSubjectLookup.FindAsync(access, subjects, caller, municipalityCode, subjectId, cancellationToken);
        if (!found.IsSuccess)
        {
            return Result<SubjectView>.Failure(found.Errors);
        }

        var (tenant, subject) = found.Value;
        var saved = IsSet(subject.Flags, flag) == on
            ? Result.Success(subject)
            : await subjects.SaveAsync(tenant, subject with { Flags = With(subject.Flags, flag, on) }, cancellationToken);
        return saved.IsSuccess
            ? SubjectViews.From(saved.Value, await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken))
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
