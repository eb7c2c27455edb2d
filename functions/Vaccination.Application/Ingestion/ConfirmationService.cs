using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The review list of the confirmed-record lock: while a subject is confirmed (<see cref="Subjects.SubjectFlagKind.Confirmed"/>,
/// set by staff through <see cref="Subjects.SubjectFlagService"/>), webhook events that would change it are refused
/// with 409 and kept in the review list, which staff read here.
/// </summary>
public sealed class ConfirmationService(TenantAccess access, IReviewList review)
{
    public const int MaxLimit = 1000;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

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
