using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Statistics;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the statistics routes with OpenAPI metadata.</summary>
internal static class StatisticsEndpointMapping
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.DoseStatistics, (HttpRequest request, StatisticsEndpoints endpoints, CancellationToken ct) => endpoints.QueryAsync(request, ct))
            .WithName("GetDoseStatistics").WithTags("Statistics")
            .Produces<DoseStatisticsView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.StatisticsRefresh, (HttpRequest request, string municipalityCode, StatisticsEndpoints endpoints, CancellationToken ct) =>
                endpoints.RefreshAsync(request, municipalityCode, ct))
            .WithName("RefreshStatistics").WithTags("Statistics")
            .Produces<StatisticsRefreshed>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
