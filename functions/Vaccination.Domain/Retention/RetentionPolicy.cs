using Vaccination.Domain.Tenants;

namespace Vaccination.Domain.Retention;

/// <summary>
/// How long a person's vaccination records are kept (S16): the tenant's retention years, counted from the latest of
/// the last dose, the move-out and the death. A person with none of these dates has nothing to expire.
/// </summary>
public static class RetentionPolicy
{
    public static DateOnly? RetainUntil(Tenant tenant, DateOnly? lastDose, DateOnly? movedOut, DateOnly? deceased)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        DateOnly?[] dates = [lastDose, movedOut, deceased];
        var latest = dates.Where(d => d.HasValue).Max();
        return latest?.AddYears(tenant.RetentionYears);
    }

    public static bool IsExpired(Tenant tenant, DateOnly today, DateOnly? lastDose, DateOnly? movedOut, DateOnly? deceased) =>
        RetainUntil(tenant, lastDose, movedOut, deceased) is { } until && until < today;
}
