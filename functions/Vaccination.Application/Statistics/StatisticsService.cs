using Vaccination.Application.Access;
using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Statistics;

/// <summary>
/// Statistics without personal data (F9): doses by dose number, date, age band and municipality. A batch job per
/// tenant (<see cref="RefreshAsync"/>, nightly and on an administrator's request) decrypts each person's birth date
/// once, counts doses into cells and stores only the counts. Prefectural callers read the municipalities of their own
/// prefecture, national callers all; nobody else reads them. Cells under <see cref="MinimumPublishedCount"/> are
/// published without their count, so no individual can be singled out.
/// </summary>
public sealed class StatisticsService(TenantAccess access, TenantRegistry tenants, IDoseFactReader facts, IDoseStatisticsStore store, TimeProvider clock)
{
    public const int MinimumPublishedCount = 10;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);
    public const int MaxRangeDays = 366;
    private static readonly CallerRole[] Administrators = [CallerRole.MunicipalAdministrator];
    private static readonly CallerRole[] Readers = [CallerRole.Prefecture, CallerRole.National];

    public async Task<Result<StatisticsRefreshed>> RefreshAsync(Caller caller, string municipalityCode, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, Administrators);
        return tenant.IsSuccess ? await RefreshAsync(tenant.Value, cancellationToken) : Result<StatisticsRefreshed>.Failure(tenant.Errors);
    }

    /// <summary>Recomputes one tenant's cells from its stored doses (the batch job).</summary>
    public async Task<StatisticsRefreshed> RefreshAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var cells = new Dictionary<(int Dose, DateOnly Date, string Band), int>();
        var doses = 0L;
        await foreach (var fact in facts.ReadAsync(tenant, cancellationToken))
        {
            var key = (fact.DoseNumber, fact.Date, AgeBands.At(fact.BirthDate, fact.Date));
            cells[key] = cells.GetValueOrDefault(key) + 1;
            doses++;
        }

        var computedAt = clock.GetUtcNow();
        await store.ReplaceAsync(tenant, cells.Select(c => new DoseCount(c.Key.Dose, c.Key.Date, c.Key.Band, c.Value)).ToList(), computedAt, cancellationToken);
        return new StatisticsRefreshed(tenant.Code.Value, doses, cells.Count, computedAt);
    }

    public async Task<Result<DoseStatisticsView>> QueryAsync(
        Caller caller, string? municipalityCode, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.Permits(caller, Readers))
        {
            return Error.Forbidden();
        }

        if (caller.Role == CallerRole.Prefecture && string.IsNullOrWhiteSpace(caller.Prefecture))
        {
            return Error.Forbidden("prefecture.claim_required", "A prefectural token must name its prefecture.");
        }

        var last = to ?? PastDate.TodayInJapan(clock);
        var first = from ?? last.AddDays(-(int)DefaultRange.TotalDays);
        if (first > last || last.DayNumber - first.DayNumber >= MaxRangeDays)
        {
            return Error.Validation("range.invalid", $"from is not after to, and the range is at most {MaxRangeDays} days.", "from");
        }

        var visible = tenants.All.Where(t => AccessPolicy.SeesStatisticsOf(caller, t)).OrderBy(t => t.Code.Value, StringComparer.Ordinal).ToList();
        if (municipalityCode is not null)
        {
            visible = visible.Where(t => t.Code.Value == municipalityCode).ToList();
            if (visible.Count == 0)
            {
                return Error.NotFound();
            }
        }

        var statuses = new List<MunicipalityStatisticsStatus>();
        var rows = new List<StatisticsRow>();
        foreach (var tenant in visible)
        {
            var stored = await store.ReadAsync(tenant, first, last, cancellationToken);
            statuses.Add(new MunicipalityStatisticsStatus(tenant.Code.Value, stored.ComputedAt));
            rows.AddRange(stored.Counts
                .OrderBy(c => c.Date).ThenBy(c => c.DoseNumber).ThenBy(c => c.AgeBand, StringComparer.Ordinal)
                .Select(c => Publish(tenant, c)));
        }

        return new DoseStatisticsView(first, last, MinimumPublishedCount, statuses, rows);
    }

    private static StatisticsRow Publish(Tenant tenant, DoseCount count) => count.Count >= MinimumPublishedCount
        ? new StatisticsRow(tenant.Code.Value, tenant.Prefecture, count.DoseNumber, count.Date, count.AgeBand, count.Count, Suppressed: false)
        : new StatisticsRow(tenant.Code.Value, tenant.Prefecture, count.DoseNumber, count.Date, count.AgeBand, null, Suppressed: true);
}
