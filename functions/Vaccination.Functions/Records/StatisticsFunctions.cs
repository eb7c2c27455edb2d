using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Statistics;
using Vaccination.Domain.Tenants;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Records;

/// <summary>Statistics (F9): the nightly batch job that recomputes every tenant's cells, and the HTTP endpoints.</summary>
public sealed partial class StatisticsFunctions(StatisticsEndpoints endpoints, StatisticsService statistics, TenantRegistry tenants, ILogger<StatisticsFunctions> logger)
{
    /// <summary>03:30 in Japan (UTC+9), after the retention sweep has started.</summary>
    public const string Schedule = "0 30 18 * * *";

    [Function(nameof(RefreshAllStatistics))]
    public async Task RefreshAllStatistics([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var tenant in tenants.All)
        {
            var refreshed = await statistics.RefreshAsync(tenant, cancellationToken);
            LogRefreshed(logger, refreshed.Municipality, refreshed.Doses, refreshed.Cells);
        }
    }

    [Function(nameof(GetDoseStatistics))]
    public Task<IActionResult> GetDoseStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DoseStatistics)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.QueryAsync(request, cancellationToken).AsActionResult();

    [Function(nameof(RefreshStatistics))]
    public Task<IActionResult> RefreshStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.StatisticsRefresh)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.RefreshAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics of tenant {Tenant} recomputed: {Doses} doses in {Cells} cells")]
    private static partial void LogRefreshed(ILogger logger, string tenant, long doses, int cells);
}
