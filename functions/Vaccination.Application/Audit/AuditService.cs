using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Audit;

/// <summary>
/// Review of a tenant's audit trail by its own administrators (S5): query by person, actor and time range, and
/// verify the hash chain. Staff and every other role are refused; another tenant answers as not found.
/// </summary>
public sealed class AuditService(TenantAccess access, IAuditLog log, TimeProvider clock)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
    public const int MaxActorLength = 128;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);
    private static readonly CallerRole[] Administrators = [CallerRole.MunicipalAdministrator];

    public async Task<Result<IReadOnlyList<AuditEntryView>>> QueryAsync(
        Caller caller, string municipalityCode, AuditQueryRequest request, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Administrators);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<AuditEntryView>>.Failure(tenant.Errors);
        }

        var query = Validate(request);
        if (!query.IsSuccess)
        {
            return Result<IReadOnlyList<AuditEntryView>>.Failure(query.Errors);
        }

        var entries = new List<AuditEntryView>();
        await foreach (var entry in log.QueryAsync(tenant.Value, query.Value, cancellationToken))
        {
            entries.Add(AuditEntryView.From(entry));
        }

        return entries;
    }

    public async Task<Result<AuditVerification>> VerifyAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Administrators);
        return tenant.IsSuccess
            ? await log.VerifyAsync(tenant.Value, cancellationToken)
            : Result<AuditVerification>.Failure(tenant.Errors);
    }

    private Result<AuditQuery> Validate(AuditQueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<Error>();
        SubjectId? subject = null;
        if (request.SubjectId is not null)
        {
            var id = SubjectId.TryCreate(request.SubjectId);
            if (id.IsSuccess)
            {
                subject = id.Value;
            }
            else
            {
                errors.AddRange(id.Errors);
            }
        }

        if (request.Actor is { } actor && (actor.Length is 0 or > MaxActorLength || actor.Any(char.IsControl)))
        {
            errors.Add(Error.Validation("actor.format", $"actor is 1-{MaxActorLength} characters without control characters.", "actor"));
        }

        var to = request.To ?? clock.GetUtcNow();
        var from = request.From ?? to - DefaultRange;
        if (from >= to || to - from > MaxRange)
        {
            errors.Add(Error.Validation("range.invalid", $"from must be before to, at most {MaxRange.TotalDays:F0} days apart.", "from"));
        }

        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(Error.Validation("limit.range", $"limit is between 1 and {MaxLimit}.", "limit"));
        }

        return errors.Count > 0
            ? Result<AuditQuery>.Failure(errors)
            : new AuditQuery(from.ToUniversalTime(), to.ToUniversalTime(), subject, request.Actor, limit);
    }
}
