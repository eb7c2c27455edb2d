using Vaccination.Application.Callers;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The confirmed-record lock: staff mark a subject's records confirmed (or release them); while confirmed, webhook
/// events that would change the subject are refused with 409 and kept in the review list, which staff read here.
/// </summary>
public sealed class ConfirmationService(TenantAccess access, ISubjectStore subjects, IReviewList review)
{
    public const int MaxLimit = 1000;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<SubjectView>> SetConfirmedAsync(
        Caller caller, string municipalityCode, string subjectId, bool confirmed, CancellationToken cancellationToken)
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

        var saved = subject.Flags.Confirmed == confirmed
            ? Result.Success(subject)
            : await subjects.SaveAsync(tenant.Value, subject with { Flags = subject.Flags with { Confirmed = confirmed } }, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<SubjectView>.Failure(saved.Errors);
        }

        return SubjectViews.From(saved.Value, await subjects.GetDosesAsync(tenant.Value, id.Value, cancellationToken));
    }

    public async Task<Result<IReadOnlyList<ReviewItem>>> ListReviewItemsAsync(
        Caller caller, string municipalityCode, int? limit, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<ReviewItem>>.Failure(tenant.Errors);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Error.Validation("limit.range", $"limit is between 1 and {MaxLimit}.", "limit");
        }

        return Result.Success(await review.ListAsync(tenant.Value, limit ?? 100, cancellationToken));
    }
}
