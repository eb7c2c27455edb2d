using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the ledger CSV export route with OpenAPI metadata.</summary>
internal static class ExportEndpointMapping
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.VaccinationRecordsExport, (HttpRequest request, string municipalityCode, ExportEndpoints endpoints, CancellationToken ct) =>
                endpoints.GetAsync(request, municipalityCode, ct))
            .WithName("ExportVaccinationRecords").WithTags("Export")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
