using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Application.DataQuality;

/// <summary>Staff operations on data-quality flags: list a municipality's flags, resolve one.</summary>
public sealed class DataQualityService(TenantAccess access, IDataQualityStore store)
{
    public const int MaxLimit = 1000;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<IReadOnlyList<DataQualityFlagView>>> ListAsync(
        Caller caller, string municipalityCode, bool includeResolved, int? limit, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<DataQualityFlagView>>.Failure(tenant.Errors);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Error.Validation("limit.range", $"limit is between 1 and {MaxLimit}.", "limit");
        }

        var flags = await store.ListAsync(tenant.Value, includeResolved, limit ?? 100, cancellationToken);
        return flags.Select(ToView).ToList();
    }

    public async Task<Result<DataQualityFlagView>> ResolveAsync(
        Caller caller, string municipalityCode, string subjectId, string flagId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<DataQualityFlagView>.Failure(tenant.Errors);
        }

        var id = SubjectId.TryCreate(subjectId);
        if (!id.IsSuccess)
        {
            return Result<DataQualityFlagView>.Failure(id.Errors);
        }

        var resolved = await store.ResolveAsync(tenant.Value, id.Value, flagId, "staff:" + caller.ActorId, cancellationToken);
        return resolved is null ? Error.NotFound() : ToView(resolved);
    }

    public static DataQualityFlagView ToView(DataQualityFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new DataQualityFlagView(
            flag.SubjectId.Value, flag.Id, flag.Code, flag.Severity.ToString(), flag.Dose?.Value, flag.Detail, flag.EventId,
            flag.DetectedAt, flag.Resolved, flag.ResolvedBy, flag.ResolvedAt);
    }
}
